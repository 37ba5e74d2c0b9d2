// pnpm bench:steady — the steady typing load across many rooms, side by side in one run:
// the in-memory reference (@y/websocket-server 0.1.1) and Mockroom sync (durable SQLite, started
// as `pnpm start` starts it). Per room 2 writers at RATE chars/s (Poisson) + 1 observer. Each server
// runs alone on core 1 (taskset), the generator elsewhere. Flags: --rooms N, --series (200, 400,
// 600, 800, 1000), --profile (CPU profile of the Mockroom process). Env: WARMUP, DURATION (s), RATE,
// SERVERS=reference,mockroom (also: floor, a bare relay; baseline, an earlier bundle), ROUNDS.
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { buildSync } from '../../scripts/sync-command.mjs'
import { floorSpec, loadTokens, mockroomSpec, referenceSpec } from './bench-servers'
import { hasTaskset, launch, threadsDelta, type LaunchSpec, type ServerProc } from './server-proc'
import { SteadyLoad } from './steady-load'

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i < 0 ? undefined : (process.argv[i + 1] ?? '')
}
const series = process.argv.includes('--series')
const profile = process.argv.includes('--profile')
const roomCounts = series ? [200, 400, 600, 800, 1000] : [Number(arg('rooms') ?? 400)]
const WARMUP = Number(process.env.WARMUP ?? 5) * 1000
const DURATION = Number(process.env.DURATION ?? 20) * 1000
const RATE = Number(process.env.RATE ?? 5)
const servers = (process.env.SERVERS ?? 'reference,mockroom').split(',')
// ROUNDS=N: the servers one after the other, N times over (ABCABC…), and the medians per server:
// on a shared machine the speed drifts between runs, and interleaving spreads it over all of them
const ROUNDS = Number(process.env.ROUNDS ?? 1)
const secret = 'bench-steady-secret-0123456789abcdef'
const root = join(import.meta.dirname, '../..')
const profileDir = mkdtempSync(join(tmpdir(), 'mockroom-prof-'))
if (servers.includes('mockroom') && !buildSync(root)) throw new Error('building apps/sync failed')

interface Row {
  server: string
  rooms: number
  cpuPct: number
  usPerEdit: number
  p50: number
  p99: number
  /** edits slower than 50 ms, grouped into bursts (a gap of 250 ms ends one): "n in k at t s, …" */
  slow: string
  edits: number
  drops: number
  rssStart: number
  heapPerRoom: number
  heapAfterClose: number
  generatorLagP99: number
  generatorCpuPct: number
  /** where the server's CPU went: per thread name, user+system % of a core */
  threads: string
}

const specs: Record<string, () => LaunchSpec> = {
  reference: () => referenceSpec(profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
  // a bare relay (no Y.Doc, no storing): the socket layer's CPU per edit, for scale
  floor: () => floorSpec(),
  // a profile is taken of the TypeScript sources (tsx), so it names files, not one bundle
  mockroom: () =>
    profile
      ? mockroomSpec(secret, 'mockroom', [
          '--cpu-prof',
          `--cpu-prof-dir=${profileDir}`,
          '--import',
          'tsx',
          'src/main.ts',
        ])
      : mockroomSpec(secret),
  // an earlier build for before/after in one run: BASELINE_BUNDLE, a main.js copied inside apps/sync
  // (so its external packages resolve), e.g. `cp -r apps/sync/dist apps/sync/.baseline`
  baseline: () =>
    mockroomSpec(secret, 'baseline', [process.env.BASELINE_BUNDLE ?? '.baseline/main.js']),
}
const tokenFor = (server: string) =>
  loadTokens(server === 'reference' || server === 'floor', secret)

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))
async function until(check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end && !(await check())) await sleep(100)
}
const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

async function measure(server: string, rooms: number): Promise<Row> {
  const proc: ServerProc = await launch(specs[server]!())
  try {
    await sleep(1000)
    const rssStart = proc.rssMb()
    // a few rooms first, opened and closed, so code compiled on first use is not counted per room
    const warm = new SteadyLoad({
      port: proc.port,
      rooms: 10,
      rate: RATE,
      prefix: 'warm',
      token: tokenFor(server),
    })
    await warm.connect()
    await sleep(2000)
    warm.close()
    await until(async () => (await proc.documents()) === 0, 30_000)
    const base = await proc.liveHeap()
    const load = new SteadyLoad({ port: proc.port, rooms, rate: RATE, token: tokenFor(server) })
    await load.connect()
    await sleep(WARMUP)
    const lag = monitorEventLoopDelay({ resolution: 10 })
    lag.enable()
    const cpu0 = proc.cpuMs()
    const threads0 = proc.threads()
    const gen0 = process.cpuUsage()
    const t0 = performance.now()
    load.startWindow()
    await sleep(DURATION)
    load.stopWindow()
    const cpu = proc.cpuMs() - cpu0
    const threads = threadsDelta(threads0, proc.threads())
    const gen = process.cpuUsage(gen0)
    const wall = performance.now() - t0
    lag.disable()
    await until(() => load.missing() === 0, 5000)
    const heapRooms = await proc.liveHeap()
    load.close()
    await until(async () => (await proc.documents()) === 0, 30_000)
    const heapAfter = await proc.liveHeap()
    return {
      server,
      rooms,
      cpuPct: (cpu / wall) * 100,
      usPerEdit: (cpu * 1000) / load.sent,
      p50: pct(load.latencies, 50),
      p99: pct(load.latencies, 99),
      slow: bursts(load.slowAt),
      edits: load.sent,
      drops: load.missing() + load.disconnects,
      rssStart,
      heapPerRoom: (heapRooms - base) / 1024 / rooms,
      heapAfterClose: (heapAfter - base) / 1024,
      generatorLagP99: lag.percentile(99) / 1e6,
      generatorCpuPct: ((gen.user + gen.system) / 1000 / wall) * 100,
      threads: threads
        .filter(([, t]) => t.userMs + t.sysMs > 0)
        .map(([name, t]) => `${name} ${f((t.userMs / wall) * 100)}+${f((t.sysMs / wall) * 100)}%`)
        .join(', '),
    }
  } finally {
    await proc.stop()
  }
}

// stalls show as bursts of slow edits sent within a moment; overload as slow edits everywhere
function bursts(at: number[]): string {
  if (at.length === 0) return 'none'
  const sorted = [...at].sort((a, b) => a - b)
  const starts: number[] = [sorted[0]!]
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]! - sorted[i - 1]! > 250) starts.push(sorted[i]!)
  const shown = starts.slice(0, 6).map((t) => `${(t / 1000).toFixed(1)} s`)
  return `${at.length} in ${starts.length} bursts at ${shown.join(', ')}${starts.length > 6 ? ', …' : ''}`
}

const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '-')
console.log(
  `bench:steady — ${RATE} chars/s per writer, 2 writers + 1 observer per room, warm-up ${WARMUP / 1000} s, window ${DURATION / 1000} s; ` +
    `servers ${hasTaskset ? 'pinned to core 1' : 'not pinned (no taskset)'}`,
)
const rows: Row[] = []
for (const rooms of roomCounts) {
  for (const server of Array.from({ length: ROUNDS }, () => servers).flat()) {
    const row = await measure(server, rooms)
    rows.push(row)
    console.log(
      `  ${server} @ ${rooms}: cpu ${f(row.cpuPct)}%, p50 ${f(row.p50, 2)} ms, p99 ${f(row.p99, 1)} ms, slow edits ${row.slow}, drops ${row.drops}, generator CPU ${f(row.generatorCpuPct)}%, threads (user+sys) ${row.threads}, lag p99 ${f(row.generatorLagP99, 1)} ms, load avg ${loadavg()[0]?.toFixed(1)}`,
    )
  }
}
console.log(
  '\n| server | rooms | CPU % of a core | CPU µs/edit | p50 ms | p99 ms | edits | drops | RSS at start MB | heap/room KB | heap after close KB |',
)
console.log('|---|---|---|---|---|---|---|---|---|---|---|')
for (const r of rows)
  console.log(
    `| ${r.server} | ${r.rooms} | ${f(r.cpuPct)} | ${f(r.usPerEdit, 1)} | ${f(r.p50, 1)} | ${f(r.p99, 1)} | ${r.edits} | ${r.drops} | ${f(r.rssStart)} | ${f(r.heapPerRoom, 1)} | ${f(r.heapAfterClose)} |`,
  )
// one row per server and room count: the median of its rounds, field by field
const median = (xs: number[]) => pct(xs, 50)
const summary: Row[] = []
for (const rooms of roomCounts)
  for (const server of servers) {
    const mine = rows.filter((r) => r.server === server && r.rooms === rooms)
    if (mine.length === 0 || summary.some((r) => r.server === server && r.rooms === rooms)) continue
    const m = (k: keyof Row) => median(mine.map((r) => r[k] as number))
    summary.push({
      ...(mine[0] as Row),
      cpuPct: m('cpuPct'),
      usPerEdit: m('usPerEdit'),
      p50: m('p50'),
      p99: m('p99'),
      edits: m('edits'),
      drops: Math.max(...mine.map((r) => r.drops)),
      heapPerRoom: m('heapPerRoom'),
      heapAfterClose: m('heapAfterClose'),
    })
  }
if (ROUNDS > 1) {
  console.log(`\nmedians of ${ROUNDS} rounds (drops: the most in any round)`)
  console.log(
    '| server | rooms | CPU % of a core | CPU µs/edit | p50 ms | p99 ms | drops | heap/room KB |',
  )
  console.log('|---|---|---|---|---|---|---|---|')
  for (const r of summary)
    console.log(
      `| ${r.server} | ${r.rooms} | ${f(r.cpuPct)} | ${f(r.usPerEdit, 1)} | ${f(r.p50, 1)} | ${f(r.p99, 1)} | ${r.drops} | ${f(r.heapPerRoom, 1)} |`,
    )
}
for (const rooms of roomCounts) {
  const ref = summary.find((r) => r.server === 'reference' && r.rooms === rooms)
  for (const ours of summary.filter((r) => r.server !== 'reference' && r.rooms === rooms))
    if (ref)
      console.log(
        `${rooms} rooms: ${ours.server}/reference CPU ${f(ours.cpuPct / ref.cpuPct, 2)}x, per edit ${f(ours.usPerEdit / ref.usPerEdit, 2)}x, heap/room ${f(ours.heapPerRoom / ref.heapPerRoom, 2)}x`,
      )
}
if (profile)
  console.log(`\nCPU profiles in ${profileDir} (pnpm --filter @mockroom/load profile:top <file>)`)
else rmSync(profileDir, { recursive: true, force: true })
process.exit(0)
