// pnpm bench:call — the call with a real LiveKit server on loopback. Starts everything itself
// (livekit-server from `pnpm livekit:install`, the app via scripts/start.mjs, Chromium with fake
// media) and prints, against the goals of issue 26:
//   1. the lobby's JavaScript before its load event (gzip), link opened → lobby usable, Join →
//      the answer editable, link opened → "In the call" and → first remote audio decoded, median
//      of 5 (the candidate's page, with the interviewer already in the call, question revealed);
//   2. livekit-server CPU and RSS with 10 rooms of 2 publishers + 1 listener (hand-written
//      livekit-client pages with tokens minted here).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { AccessToken } from 'livekit-server-sdk'
import { writeFakeSpeech } from '../e2e/fake-speech'
import { OwnedLivekitServer } from '../e2e/livekit-server-kit'
import { lobbyScripts } from '../e2e/page-weight-kit'

const root = resolve(import.meta.dirname, '../..')
const webPort = Number(process.env.BENCH_WEB_PORT ?? 3300)
const syncPort = Number(process.env.BENCH_SYNC_PORT ?? webPort + 1)
const livekitPort = Number(process.env.BENCH_LIVEKIT_PORT ?? webPort + 4700)
const base = `http://localhost:${webPort}`
const RUNS = 5
const ROOMS = 10
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const fmt = (xs: number[]) =>
  `median ${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} did not answer`)
}

const server = OwnedLivekitServer.create(
  `${base}/api/livekit/webhook`,
  join(tmpdir(), `mockroom-bench-livekit-${livekitPort}.log`),
  livekitPort,
)
if (!server) {
  console.error('no livekit-server: run `pnpm livekit:install` first')
  process.exit(1)
}
await server.start()
const app = spawn('node', ['scripts/start.mjs'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    PORT: String(webPort),
    SYNC_PORT: String(syncPort),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'mockroom-bench-call-')),
    LOG_LEVEL: 'warn',
    LIVEKIT_URL: server.url,
  },
})
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--autoplay-policy=no-user-gesture-required',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${writeFakeSpeech(join(tmpdir(), 'mockroom-fake-speech-v1.wav'))}`,
  ],
})

declare global {
  interface Window {
    __call: { inCall?: number; audio?: number; lobby?: number; join?: number; editable?: number }
  }
}

// the goals of issue 26 (a quiet machine)
const GOALS = { lobbyKb: 150, lobbyMs: 800, joinMs: 700, audioMs: 1_500 }

// In the page from its first script: stamp when "In the call" shows, and poll every peer
// connection for the first decoded remote audio with sound in it (inbound-rtp totalAudioEnergy).
function stampMarks() {
  window.__call = {}
  const pcs: RTCPeerConnection[] = []
  const Native = window.RTCPeerConnection
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config)
      pcs.push(this)
    }
  }
  // the lobby is usable once its scripts have run (load) with the name field on the page
  window.addEventListener('load', () => {
    if (document.querySelector('input[autocomplete="name"]'))
      window.__call.lobby = performance.now()
  })
  new MutationObserver(() => {
    const status = document.querySelector('[aria-label="Call status"]')
    if (status?.textContent === 'In the call') window.__call.inCall ??= performance.now()
    if (document.querySelector('[aria-label="Clarify"][contenteditable="true"]'))
      window.__call.editable ??= performance.now()
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
  const timer = setInterval(() => {
    for (const pc of pcs) {
      void pc.getStats().then((stats) => {
        stats.forEach((s: { type: string; kind?: string; totalAudioEnergy?: number }) => {
          if (s.type === 'inbound-rtp' && s.kind === 'audio' && (s.totalAudioEnergy ?? 0) > 0) {
            window.__call.audio ??= performance.now()
            clearInterval(timer)
          }
        })
      })
    }
  }, 20)
}

async function enter(page: Page, link: string, name: string) {
  await page.goto(link)
  await page.getByLabel('Your name').fill(name)
  await page.evaluate(() => {
    if (window.__call) window.__call.join = performance.now()
  })
  await page.getByRole('button', { name: 'Join' }).click()
}

/** gzip KB of the scripts the lobby asked for before its load event (page-weight.spec.ts) */
async function lobbyScriptsKb(b: Browser, link: string): Promise<number> {
  const page = await (await b.newContext()).newPage()
  const sizes = await lobbyScripts(page, link)
  await page.context().close()
  return [...sizes.values()].reduce((a, n) => a + n, 0) / 1024
}

async function joinTimes(b: Browser) {
  const questions = (await (await fetch(`${base}/api/questions`)).json()) as {
    questions: Array<{ id: string }>
  }
  let room0: string | undefined
  const inCall: number[] = []
  const audio: number[] = []
  const lobby: number[] = []
  const editable: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const created = await fetch(`${base}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ questionId: questions.questions[i % 3]?.id }),
    })
    const room = (await created.json()) as { links: Record<string, string> }
    room0 ??= room.links.candidate ?? ''
    const interviewer = await (await b.newContext()).newPage()
    await enter(interviewer, room.links.interviewer ?? '', 'Bench Interviewer')
    await interviewer
      .getByRole('status', { name: 'Call status' })
      .filter({ hasText: 'In the call' })
      .waitFor({ timeout: 30_000 })
    // revealed, so the candidate has an answer to write into (Join → editable)
    await interviewer.getByRole('button', { name: 'Reveal question' }).click()
    const context = await b.newContext()
    await context.addInitScript(stampMarks)
    const page = await context.newPage()
    await enter(page, room.links.candidate ?? '', `Bench ${i}`) // t = 0 is this navigation
    await page.waitForFunction(
      () => window.__call.inCall && window.__call.audio && window.__call.editable,
      null,
      { timeout: 30_000 },
    )
    const marks = await page.evaluate(() => window.__call)
    inCall.push(marks.inCall ?? NaN)
    audio.push(marks.audio ?? NaN)
    lobby.push(marks.lobby ?? NaN)
    editable.push((marks.editable ?? NaN) - (marks.join ?? NaN))
    await Promise.all([context.close(), interviewer.context().close()])
  }
  return { inCall, audio, lobby, editable, room: room0 }
}

/** CPU seconds (user + system) of a process, from /proc (Linux) */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(fields[11]) + Number(fields[12])) / 100 // utime, stime in clock ticks (USER_HZ 100)
}
const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024

async function cpuOver(pid: number, ms: number): Promise<number> {
  const c0 = cpuSeconds(pid)
  const t0 = performance.now()
  await new Promise((r) => setTimeout(r, ms))
  return ((cpuSeconds(pid) - c0) / ((performance.now() - t0) / 1000)) * 100
}

const umd = createRequire(import.meta.url).resolve('livekit-client')

async function rawParticipant(b: Browser, room: string, identity: string, publish: boolean) {
  const token = new AccessToken('devkey', 'secret', { identity })
  token.addGrant({ room, roomJoin: true, canPublish: publish, canSubscribe: true })
  // a hand-written client: the app's CSP on API answers would refuse the injected script
  const page = await (await b.newContext({ bypassCSP: true })).newPage()
  await page.goto(`${base}/api/questions`)
  await page.addScriptTag({ path: umd })
  await page.evaluate(
    async ([url, jwt, publish]) => {
      const lk = (window as unknown as { LivekitClient: typeof import('livekit-client') })
        .LivekitClient
      const r = new lk.Room()
      r.on(lk.RoomEvent.TrackSubscribed, (track) => {
        document.body.append(track.attach()) // play it, as a listener would
      })
      await r.connect(url, jwt)
      if (!publish) return
      // a generated tone, not the fake microphone: Chromium fails to start the fake capture
      // device for more than a few pages at once (NotReadableError)
      const ctx = new AudioContext()
      const tone = ctx.createOscillator()
      const out = ctx.createMediaStreamDestination()
      tone.connect(out)
      tone.start()
      const [track] = out.stream.getAudioTracks()
      if (track)
        await r.localParticipant.publishTrack(track, { source: lk.Track.Source.Microphone })
    },
    [server!.url, await token.toJwt(), publish] as const,
  )
  return page
}

async function serverLoad(b: Browser, pid: number) {
  const idle = { cpu: await cpuOver(pid, 5_000), rss: rssMb(pid) }
  const pages: Page[] = []
  for (let r = 0; r < ROOMS; r++) {
    const room = `bench-load-${r}`
    pages.push(await rawParticipant(b, room, `pub-a-${r}`, true))
    pages.push(await rawParticipant(b, room, `pub-b-${r}`, true))
    pages.push(await rawParticipant(b, room, `listener-${r}`, false))
  }
  await new Promise((r) => setTimeout(r, 5_000)) // let every subscription settle
  const loaded = { cpu: await cpuOver(pid, 20_000), rss: rssMb(pid) }
  await Promise.all(pages.map((p) => p.context().close()))
  return { idle, loaded }
}

try {
  await waitFor(`${base}/api/questions`, 300_000)
  const startLoad = loadavg()[0] ?? NaN
  const { inCall, audio, lobby, editable, room } = await joinTimes(browser)
  const lobbyKb = await lobbyScriptsKb(browser, room ?? '')
  const load = await serverLoad(browser, server.pid ?? 0)
  const verdict = (ok: boolean) => (ok ? 'meets the goal' : 'MISSES the goal')
  console.log(`machine: ${cpus().length} cores, load average ${startLoad.toFixed(2)} at the start`)
  console.log(
    `lobby JS before load (gzip):              ${lobbyKb.toFixed(0)} KB (goal ≤ ${GOALS.lobbyKb} KB: ${verdict(lobbyKb <= GOALS.lobbyKb)})`,
  )
  console.log(
    `link opened → lobby usable:               ${fmt(lobby)} (goal ≤ ${GOALS.lobbyMs} ms: ${verdict(median(lobby) <= GOALS.lobbyMs)})`,
  )
  console.log(
    `Join → answer editable:                   ${fmt(editable)} (goal ≤ ${GOALS.joinMs} ms: ${verdict(median(editable) <= GOALS.joinMs)})`,
  )
  console.log(`link opened → "In the call":             ${fmt(inCall)}`)
  console.log(
    `link opened → first remote audio decoded: ${fmt(audio)} (goal p50 ≤ ${GOALS.audioMs} ms: ${verdict(median(audio) <= GOALS.audioMs)})`,
  )
  console.log(
    `livekit-server idle:                        CPU ${load.idle.cpu.toFixed(1)}% of one core, RSS ${load.idle.rss.toFixed(0)} MB`,
  )
  console.log(
    `livekit-server, ${ROOMS} rooms × (2 publishers + 1 listener): CPU ${load.loaded.cpu.toFixed(1)}% of one core (20 s average), RSS ${load.loaded.rss.toFixed(0)} MB`,
  )
} finally {
  await browser.close()
  app.kill('SIGTERM')
  await server.stop()
}
