import { readFile } from 'node:fs/promises'
import { expect, type Browser } from '@playwright/test'
import { test } from './browsers-fixture'
import {
  askedToRecord,
  e2eStore,
  recordedSession,
  recordingStatus,
  reviewRecord,
  SENTENCE,
  speakingBrowser,
  storedChunks,
} from './recording-kit'
import { enterRoom } from './room-kit'
import { ownLivekitServer } from './talk-kit'

// Recording with consent (issue #22): a real call on a LiveKit server of the spec's own, the
// candidate's fake microphone speaking an espeak-ng sentence, chunks in the store, the review's
// audio playing with the replay.
ownLivekitServer('recording')
test.describe.configure({ timeout: 180_000 })

const words = (text: string): string[] => text.toLowerCase().match(/[a-z]+/g) ?? []

let cody: Browser | null = null
test.beforeEach(async () => {
  cody = await speakingBrowser()
})
test.afterEach(async () => {
  await cody?.close()
  cody = null
})

test('records the candidate with consent; the review plays the voice with the replay', async ({
  browsers,
  request,
}) => {
  const r = await recordedSession(browsers, request, cody as Browser)
  const track = r.record.audio?.tracks.find((t) => t.participantId === r.codyId)
  expect(track?.mimeType).toBe('audio/webm')
  console.log(`candidate track: ${track?.durationMs} ms, ${track?.mimeType}`)
  expect(track?.durationMs).toBeGreaterThan(10_000)
  // /sessions and the export say the round has audio
  const review = r.ivy
  await expect(review.getByRole('link', { name: "Download Cody Candidate's audio" })).toBeVisible()
  const audio = review.getByLabel("Cody Candidate's audio")
  await expect
    .poll(() => audio.evaluate((el: HTMLAudioElement) => el.readyState), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(1)
  expect(await audio.evaluate((el: HTMLAudioElement) => el.duration)).toBeGreaterThan(10)
  // move the replay into the track and press play: the voice plays and moves on with it
  await review
    .getByRole('slider', { name: 'Timeline' })
    .fill(String((track?.startedAt ?? 0) + 2_000))
  await review.getByRole('button', { name: 'Play 1x' }).click()
  await expect
    .poll(() => audio.evaluate((el: HTMLAudioElement) => (el.paused ? -1 : el.currentTime)), {
      timeout: 10_000,
    })
    .toBeGreaterThan(2.5)
  const at = await audio.evaluate((el: HTMLAudioElement) => el.currentTime)
  await expect
    .poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime))
    .toBeGreaterThan(at + 1)
  // pause stops it; a mute toggle per voice
  await review.getByRole('button', { name: 'Pause' }).click()
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.paused)).toBe(true)
  await review.getByRole('button', { name: 'Mute Cody Candidate' }).click()
  expect(await audio.evaluate((el: HTMLAudioElement) => el.muted)).toBe(true)
  // the download is the same file, whole
  const href = await review
    .getByRole('link', { name: "Download Cody Candidate's audio" })
    .getAttribute('href')
  const file = await request.get(href ?? '')
  expect(file.status()).toBe(200)
  expect(file.headers()['content-disposition']).toMatch(/attachment/)
  // a range (what the player asks for when it seeks)
  const part = await request.get(href ?? '', { headers: { range: 'bytes=0-99' } })
  expect(part.status()).toBe(206)
  expect((await part.body()).length).toBe(100)
  // each person deletes their own audio only: Ivy's goes, Cody's stays
  await expect
    .poll(
      async () =>
        (await reviewRecord(request, r.room.links.interviewer, r.sessionId)).audio?.tracks.some(
          (t) => t.participantId !== r.codyId,
        ),
      { timeout: 30_000 },
    )
    .toBe(true)
  await review.reload()
  await review.getByRole('button', { name: 'Delete my audio' }).click()
  await review.getByRole('button', { name: 'Yes, delete my audio' }).click()
  await expect(review.getByRole('group', { name: 'Recorded audio' })).toContainText(
    'Your audio was deleted',
  )
  const left = (await reviewRecord(request, r.room.links.interviewer, r.sessionId)).audio?.tracks
  expect([...new Set(left?.map((t) => t.participantId))]).toEqual([r.codyId])
  await review.goto('/sessions')
  // the sessions page lists rounds this browser joined: the interviewer's own
  await expect(review.getByRole('table')).toContainText('Has audio')
})

test('the server transcribes the recording offline: the review and export hold the words', async ({
  browsers,
  request,
}) => {
  test.setTimeout(300_000)
  const r = await recordedSession(browsers, request, cody as Browser)
  const review = r.ivy
  const transcript = review.getByRole('region', { name: 'Transcript' })
  // the worker (Whisper on this machine, no network) takes the finished track; the review polls
  // its progress and loads the record again once it is done
  const said = words(SENTENCE)
  await expect
    .poll(
      async () => {
        const heard = words((await transcript.textContent()) ?? '')
        return said.filter((w) => heard.includes(w)).length
      },
      { timeout: 180_000, intervals: [1000] },
    )
    .toBeGreaterThanOrEqual(said.length - 2)
  // under the candidate's name, from the recording (not a live caption)
  const line = transcript.getByRole('button').filter({ hasText: 'customers' }).first()
  await expect(line).toContainText('Cody Candidate')
  await expect(line).not.toContainText('live caption')
  const download = review.waitForEvent('download')
  await review.getByRole('button', { name: 'Download Markdown' }).click()
  const markdown = await readFile((await (await download).path()) ?? '', 'utf8')
  expect(markdown).toMatch(/\*\*\d+:\d\d\*\* Cody Candidate \(candidate\): [^\n]*customers/)
})

test('a candidate who refuses sends no audio at all; nobody is recorded', async ({
  browsers,
  request,
}) => {
  const uploads: string[] = []
  const r = await askedToRecord(browsers, request, cody as Browser, null)
  for (const page of [r.ivy, r.cody])
    page.on('request', (req) => {
      if (req.url().includes('/tracks/')) uploads.push(`${req.method()} ${req.url()}`)
    })
  await r.cody
    .getByRole('group', { name: 'Recording request' })
    .getByRole('button', { name: "Don't allow", exact: true })
    .click()
  for (const page of [r.ivy, r.cody])
    await expect(recordingStatus(page)).toHaveText('Not recording: Cody Candidate did not allow it')
  // two chunk lengths of a live call with the refusal in force: the situation under test
  await r.cody.waitForTimeout(11_000)
  expect(uploads).toEqual([])
  const store = await e2eStore()
  try {
    expect(await store.recordings.tracksForSession(r.sessionId)).toEqual([])
  } finally {
    await store.close()
  }
  // the counting works: once Cody allows, his chunks go out
  await r.cody.getByRole('button', { name: 'Allow recording' }).click()
  await r.cody.waitForRequest((req) => req.url().includes('/tracks/'), { timeout: 20_000 })
})

test('a tab closed mid-recording sends its kept chunks after the link is reopened', async ({
  browsers,
  request,
}) => {
  const r = await askedToRecord(browsers, request, cody as Browser, true)
  await expect(recordingStatus(r.cody)).toHaveText('Recording audio of everyone who speaks')
  const context = r.cody.context()
  // the network to the sync server drops: chunks stay in IndexedDB
  await context.route('**/tracks/**', (route) => route.abort('internetdisconnected'))
  const store = await e2eStore()
  // chunks waiting in the closed tab's IndexedDB
  const queued = () =>
    r.cody.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('mockroom-recording')
          open.onsuccess = () => {
            const all = open.result.transaction('queue').objectStore('queue').getAll()
            all.onsuccess = () =>
              resolve(
                (all.result as Array<{ kind: string }>).filter((i) => i.kind === 'chunk').length,
              )
          }
        }),
    )
  try {
    await expect.poll(queued, { timeout: 30_000, intervals: [500] }).toBeGreaterThanOrEqual(2)
    expect(await storedChunks(store, r.sessionId, r.codyId)).toEqual([])
    const kept = await queued()
    await r.cody.close()
    await context.unroute('**/tracks/**')
    const again = await context.newPage()
    await again.goto(r.room.links.candidate)
    // a new tab passes the lobby again, as the same person (kept in localStorage)
    await enterRoom(again, 'Cody Candidate')
    // the first track: every chunk the closed tab kept, contiguous from 0, then its end (the
    // file replaces the chunks, so the track's count and last seq tell the story)
    await expect
      .poll(
        async () =>
          (await storedChunks(store, r.sessionId, r.codyId))[0]?.track.finalizedAt ?? null,
        { timeout: 45_000, intervals: [500] },
      )
      .not.toBeNull()
    const first = (await storedChunks(store, r.sessionId, r.codyId))[0]?.track
    console.log(
      `closed tab's track: ${kept} chunks kept in IndexedDB, ${first?.chunks} stored, last seq ${first?.lastSeq}`,
    )
    expect(first?.chunks).toBeGreaterThanOrEqual(kept)
    expect(first?.lastSeq).toBe((first?.chunks ?? 0) - 1)
  } finally {
    await store.close()
  }
})

test('mute keeps recording; a microphone switch ends one track segment and starts the next', async ({
  browsers,
  request,
}) => {
  const r = await askedToRecord(browsers, request, cody as Browser, true)
  await expect(recordingStatus(r.cody)).toHaveText('Recording audio of everyone who speaks')
  const store = await e2eStore()
  const tracks = async () =>
    (await storedChunks(store, r.sessionId, r.codyId)).map((t) => ({
      chunks: t.track.chunks,
      finished: t.track.finalizedAt !== null,
    }))
  try {
    await expect
      .poll(async () => (await tracks())[0]?.chunks ?? 0, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(1)
    // muted, the recorder keeps running on the silent track: the clock keeps its place
    const call = r.cody.getByRole('region', { name: 'Call' })
    await call.getByRole('button', { name: 'Mute microphone' }).click()
    const muted = (await tracks())[0]?.chunks ?? 0
    await expect
      .poll(async () => (await tracks())[0]?.chunks ?? 0, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(muted + 2)
    expect(await tracks()).toHaveLength(1)
    await call.getByRole('button', { name: 'Unmute microphone' }).click()
    const select = call.getByRole('combobox', { name: 'Microphone' })
    const before = await select.inputValue()
    const options = await select
      .locator('option')
      .evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value))
    const other = options.find((value) => value !== before && value !== 'default')
    await select.selectOption(other ?? '')
    // the replaced track's recorder ended: its file is made; a new segment records the new one
    await expect
      .poll(tracks, { timeout: 45_000, intervals: [500] })
      .toEqual([
        expect.objectContaining({ finished: true }),
        expect.objectContaining({ finished: false }),
      ])
    await expect
      .poll(async () => (await tracks())[1]?.chunks ?? 0, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(1)
  } finally {
    await store.close()
  }
})
