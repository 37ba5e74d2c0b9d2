import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, expect, type APIRequestContext, type Browser, type Page } from '@playwright/test'
import type { SessionRecord } from '@mockroom/session-model'
import { openStore, type Store } from '@mockroom/store'
import type { Browsers } from './browsers-fixture'
import { fakeMediaLaunch } from './fake-media'
import { bankQuestions, createRoom, enterRoom, type CreatedRoom } from './room-kit'

// Recording with consent (issue #22), end to end: a candidate whose fake microphone speaks a
// known sentence (espeak-ng), consent through the room, chunks in the store, the review's audio.
// The transcription half extends this: recordedSession() gives a recorded, ended round.

export const SENTENCE =
  'I would start by asking which customers we are talking about and what problem they have.'

/** A WAV of `sentence` spoken by espeak-ng (cached by its text): Chromium's fake microphone. */
export function speechWav(sentence = SENTENCE): string {
  const file = join(
    tmpdir(),
    `mockroom-espeak-${createHash('sha256').update(sentence).digest('hex').slice(0, 12)}.wav`,
  )
  if (!existsSync(file))
    execFileSync('espeak-ng', ['-v', 'en-us', '-s', '140', '-w', file, sentence])
  return file
}

/**
 * A Chromium of its own whose fake microphone plays `wav` (launch options are per browser, so
 * the candidate cannot share the fixture's). Close it after the test.
 */
export function speakingBrowser(wav = speechWav()): Promise<Browser> {
  return chromium.launch(fakeMediaLaunch(wav))
}

/** The e2e app's store (the workers inherit E2E_DATA_DIR from playwright.config.ts). */
export function e2eStore(): Promise<Store> {
  return openStore({ dataDir: process.env.E2E_DATA_DIR ?? '' })
}

export const recordingStatus = (page: Page) =>
  page.getByRole('status', { name: 'Recording status' })

async function joinCall(page: Page, link: string, name: string) {
  await page.goto(link)
  await enterRoom(page, name)
  await expect(page.getByRole('status', { name: 'Call status' })).toHaveText('In the call', {
    timeout: 30_000,
  })
}

export interface RecordingRoom {
  room: CreatedRoom
  ivy: Page
  cody: Page
  sessionId: string
  codyId: string
}

/**
 * A started interview with Ivy (the fixture's browser) and Cody (his own, speaking `wav`) in a
 * real call, and Ivy asking to record; Cody answers with `allow` (or not at all with null).
 */
export async function askedToRecord(
  browsers: Browsers,
  request: APIRequestContext,
  cody: Browser,
  allow: boolean | null,
): Promise<RecordingRoom> {
  const [question] = (await bankQuestions(request)).filter((q) => q.type === 'product-improvement')
  const room = await createRoom(request, question?.id ?? '')
  const ivy = await (await browsers.newContext()).newPage()
  await joinCall(ivy, room.links.interviewer, 'Ivy Interviewer')
  const codyPage = await (await cody.newContext()).newPage()
  await joinCall(codyPage, room.links.candidate, 'Cody Candidate')
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await ivy.getByRole('button', { name: 'Start interview' }).click()
  await ivy.getByRole('button', { name: 'Ask to record audio' }).click()
  // the interviewer reads what they ask for, then confirms it
  const asking = ivy.getByRole('group', { name: 'Ask to record' })
  await expect(asking).toContainText('once each of them allows')
  await asking.getByRole('button', { name: 'Ask everyone' }).click()
  // everyone is told; the candidate is asked
  for (const page of [ivy, codyPage])
    await expect(recordingStatus(page)).toHaveText(/waiting for Cody Candidate/)
  const ask = codyPage.getByRole('group', { name: 'Recording request' })
  await expect(ask).toContainText('Ivy Interviewer asks to record the audio')
  if (allow !== null)
    await ask.getByRole('button', { name: allow ? 'Allow' : "Don't allow", exact: true }).click()
  const codyId = await codyPage.evaluate(
    (cap) => localStorage.getItem(`mockroom:participant:${cap}`) ?? '',
    new URL(room.links.candidate).pathname.split('/').pop() ?? '',
  )
  const sessionId = await currentSession(request, room.links.interviewer)
  return { room, ivy, cody: codyPage, sessionId, codyId }
}

async function currentSession(request: APIRequestContext, link: string): Promise<string> {
  const capability = new URL(link).pathname.split('/').pop() ?? ''
  const res = await request.get(`/api/review/${capability}`)
  const { sessions } = (await res.json()) as { sessions: Array<{ sessionId: string }> }
  return sessions[0]?.sessionId ?? ''
}

/** The record as the link's review API gives it. */
export async function reviewRecord(
  request: APIRequestContext,
  link: string,
  sessionId: string,
): Promise<SessionRecord> {
  const capability = new URL(link).pathname.split('/').pop() ?? ''
  const res = await request.get(`/api/review/${capability}/${sessionId}`)
  return (await res.json()) as SessionRecord
}

/**
 * A participant's tracks in a session with the chunk sequence numbers still held one by one (a
 * finished track's file replaces them; its `chunks` and `lastSeq` remain).
 */
export async function storedChunks(store: Store, sessionId: string, participantId: string) {
  const tracks = (await store.recordings.tracksForSession(sessionId)).filter(
    (t) => t.participantId === participantId,
  )
  return Promise.all(
    tracks.map(async (t) => ({ track: t, seqs: await store.recordings.chunkSeqs(t.trackId) })),
  )
}

/**
 * A whole recorded round for specs that go on from it (the transcription half): Cody allows,
 * speaks for at least `chunks` stored chunks, Ivy ends the interview, and Cody's track is
 * finished (its repaired file in the store). The review page is open on Ivy's page.
 */
export async function recordedSession(
  browsers: Browsers,
  request: APIRequestContext,
  cody: Browser,
  chunks = 3,
): Promise<RecordingRoom & { record: SessionRecord }> {
  const r = await askedToRecord(browsers, request, cody, true)
  for (const page of [r.ivy, r.cody])
    await expect(recordingStatus(page)).toHaveText('Recording audio of everyone who speaks')
  const store = await e2eStore()
  try {
    await expect
      .poll(
        async () =>
          (await storedChunks(store, r.sessionId, r.codyId)).reduce(
            (n, t) => n + t.track.chunks,
            0,
          ),
        { timeout: 60_000, intervals: [500] },
      )
      .toBeGreaterThanOrEqual(chunks)
  } finally {
    await store.close()
  }
  await r.ivy.getByRole('button', { name: 'End interview' }).click()
  await r.ivy.getByRole('button', { name: 'Yes, end the interview' }).click()
  // the candidate's browser sends its last chunk and ends the track; the server makes the file
  await expect
    .poll(
      async () =>
        (await reviewRecord(request, r.room.links.interviewer, r.sessionId)).audio?.tracks.some(
          (t) => t.participantId === r.codyId,
        ) ?? false,
      { timeout: 45_000, intervals: [500] },
    )
    .toBe(true)
  const href = await r.ivy.getByRole('link', { name: 'Review this session' }).getAttribute('href')
  await r.ivy.goto(href ?? '')
  return { ...r, record: await reviewRecord(request, r.room.links.interviewer, r.sessionId) }
}
