import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { test, type Browsers } from './browsers-fixture'
import type { SessionRecord } from '@mockroom/session-model'
import { openStore } from '@mockroom/store'
import { RoomServiceClient } from 'livekit-server-sdk'
import { e2eLivekitUrl, LIVEKIT_KEY, LIVEKIT_SECRET } from './livekit-server-kit'
import {
  callDetails,
  openRawClient,
  rawConnect,
  rawDisconnectReason,
  rawPublishIgnoringPermissions,
  sessionToken,
} from './raw-call-client'
import { bankQuestions, enterRoom } from './room-kit'
import { ownLivekitServer } from './talk-kit'

// Real calls: real Chromium with fake media devices (the fake microphone plays a beep), a real
// livekit-server owned by this file (`pnpm livekit:install` provides the binary), the real web app.
// In CI the suite must run: a missing server fails it (beforeAll) instead of skipping.
const server = ownLivekitServer('e2e')

const CALL_TIMEOUT = 30_000
const livekitApi = () =>
  new RoomServiceClient(e2eLivekitUrl().replace('ws', 'http'), LIVEKIT_KEY, LIVEKIT_SECRET)

interface Room {
  roomId: string
  links: { interviewer: string; candidate: string; observer: string }
}

async function createRoom(request: APIRequestContext): Promise<Room> {
  const [, question] = await bankQuestions(request)
  const created = await request.post('/api/rooms', { data: { questionId: question?.id } })
  expect(created.status()).toBe(201)
  return (await created.json()) as Room
}

async function joinCall(browsers: Browsers, link: string, name: string): Promise<Page> {
  const page = await (await browsers.newContext()).newPage()
  await page.goto(link)
  await enterRoom(page, name)
  await expect(callStatus(page)).toHaveText('In the call', { timeout: CALL_TIMEOUT })
  return page
}

const callStatus = (page: Page) => page.getByRole('status', { name: 'Call status' })

/** someone's entry in the presence list of `page` */
function person(page: Page, name: string) {
  return page
    .getByRole('region', { name: 'People in the room' })
    .getByRole('listitem')
    .filter({ hasText: name })
}

/** the call state the presence list exposes for tests (see components/call/voice-badge.tsx) */
const voiceOf = (page: Page, name: string) => person(page, name).locator('[data-in-call]')

/** 0–1: how loud `name` is as received and decoded in `page` (RTP receiver stats, 0.5 s window) */
async function audioLevel(page: Page, name: string): Promise<number> {
  const voice = voiceOf(page, name)
  if ((await voice.count()) === 0) return 0
  return voice.evaluate((element) => Number((element as HTMLElement).dataset.audioLevel ?? 0))
}

async function hears(page: Page, name: string) {
  await expect
    .poll(() => audioLevel(page, name), { timeout: CALL_TIMEOUT, intervals: [250] })
    .toBeGreaterThan(0)
}

test('interviewer and candidate hear each other, see mutes within 2 s; an observer only listens', async ({
  browsers,
  request,
}) => {
  const room = await createRoom(request)
  const interviewer = await joinCall(browsers, room.links.interviewer, 'Ivy Interviewer')
  const candidate = await joinCall(browsers, room.links.candidate, 'Cody Candidate')

  // each subscribes to the other's microphone and decodes the fake device's tone
  await hears(interviewer, 'Cody Candidate')
  await hears(candidate, 'Ivy Interviewer')
  await expect(interviewer.getByRole('region', { name: 'Call' })).toContainText(
    /Connection: (good|poor|lost)/,
  )

  // a mute shows on the other side within 2 s, the audio stops; unmuting brings it back
  await candidate.getByRole('button', { name: 'Mute microphone' }).click()
  await expect(voiceOf(interviewer, 'Cody Candidate')).toHaveAttribute('data-muted', 'true', {
    timeout: 2_000,
  })
  await expect(person(interviewer, 'Cody Candidate')).toContainText('muted')
  await expect.poll(() => audioLevel(interviewer, 'Cody Candidate')).toBe(0)
  await candidate.keyboard.press('ControlOrMeta+d')
  await expect(voiceOf(interviewer, 'Cody Candidate')).toHaveAttribute('data-muted', 'false', {
    timeout: 2_000,
  })
  await expect(person(interviewer, 'Cody Candidate')).not.toContainText('muted')
  await hears(interviewer, 'Cody Candidate')

  // an observer listens without any microphone
  const observer = await joinCall(browsers, room.links.observer, 'Olga Observer')
  const call = observer.getByRole('region', { name: 'Call' })
  await expect(call.getByText('Listen-only', { exact: true })).toBeVisible()
  await expect(observer.getByRole('button', { name: /mute microphone/i })).toHaveCount(0)
  await expect(call.getByRole('combobox', { name: 'Microphone' })).toHaveCount(0)
  const olga = voiceOf(interviewer, 'Olga Observer')
  await expect(olga).toHaveAttribute('data-in-call', 'true', { timeout: CALL_TIMEOUT })
  await expect(olga).toHaveAttribute('data-has-mic', 'false')
  await expect(olga).toContainText('listening')
  await hears(observer, 'Ivy Interviewer')

  // leaving the room leaves the call (LiveKit says goodbye on pagehide, no reconnect grace period)
  await candidate.goto('about:blank')
  await expect(voiceOf(interviewer, 'Cody Candidate')).toHaveCount(0, { timeout: CALL_TIMEOUT })
})

test("the server refuses a publish made with an observer's token by a hand-written client", async ({
  browsers,
  request,
}) => {
  const room = await createRoom(request)
  await joinCall(browsers, room.links.interviewer, 'Ivy Interviewer')
  const { token } = await sessionToken(request, room.links.observer, 'Rex Raw')
  const details = await callDetails(request, token)
  expect(details.status).toBe(200)

  const raw = await openRawClient(browsers)
  await rawConnect(raw, details.body.serverUrl ?? '', details.body.participantToken ?? '')
  const roomName = `mockroom-${room.roomId}`
  const rex = async () =>
    (await livekitApi().listParticipants(roomName)).find((p) => p.name === 'Rex Raw')
  await expect.poll(async () => (await rex())?.permission?.canPublish).toBe(false)
  expect(await rawPublishIgnoringPermissions(raw)).not.toBe('published')

  // the server's own view: Rex has no track (so nobody can receive one) and still may not publish
  const after = await rex()
  expect(after?.tracks).toEqual([])
  expect(after?.permission?.canPublish).toBe(false)
})

test('switching microphone mid-call keeps the call and the audio', async ({
  browsers,
  request,
}) => {
  const room = await createRoom(request)
  const interviewer = await joinCall(browsers, room.links.interviewer, 'Ivy Interviewer')
  const candidate = await joinCall(browsers, room.links.candidate, 'Cody Candidate')
  await hears(interviewer, 'Cody Candidate')

  const select = candidate.getByRole('region', { name: 'Call' }).getByRole('combobox', {
    name: 'Microphone',
  })
  const before = await select.inputValue()
  const options = await select
    .locator('option')
    .evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value))
  const other = options.find((value) => value !== before && value !== 'default')
  expect(other, `a second fake microphone among ${options.join(', ')}`).toBeTruthy()
  await select.selectOption(other ?? '')
  await expect(select).toHaveValue(other ?? '')

  // the call and the audio go on
  await expect(callStatus(candidate)).toHaveText('In the call')
  await expect(callStatus(interviewer)).toHaveText('In the call')
  await hears(interviewer, 'Cody Candidate')
})

test('a LiveKit restart mid-call (after the token expired): both rejoin, the document never stops', async ({
  browsers,
  request,
}) => {
  const room = await createRoom(request)
  const interviewer = await joinCall(browsers, room.links.interviewer, 'Ivy Interviewer')
  const candidate = await joinCall(browsers, room.links.candidate, 'Cody Candidate')
  const joinedAt = Date.now()
  await hears(interviewer, 'Cody Candidate')
  await interviewer.getByRole('button', { name: 'Reveal question' }).click()

  // the e2e web app hands out LiveKit tokens for 20 s (playwright.config.ts): outlive one
  await interviewer.waitForTimeout(Math.max(0, joinedAt + 22_000 - Date.now()))
  await expect(callStatus(interviewer)).toHaveText('In the call')
  await hears(candidate, 'Ivy Interviewer')

  await server?.kill()
  for (const page of [interviewer, candidate])
    await expect(callStatus(page)).toHaveText('Reconnecting…', { timeout: 10_000 })

  // the answer keeps syncing while the call is down
  const clarify = (page: Page) => page.getByRole('textbox', { name: 'Clarify', exact: true })
  await clarify(candidate).click()
  await candidate.keyboard.type('Who is the user while the call is down?')
  await expect(clarify(interviewer)).toContainText('Who is the user while the call is down?')

  await server?.start()
  const backAt = Date.now()
  for (const page of [interviewer, candidate])
    await expect(callStatus(page)).toHaveText('In the call', { timeout: 15_000 })
  const rejoinMs = Date.now() - backAt
  test.info().annotations.push({ type: 'rejoin', description: `${rejoinMs} ms after the server` })
  console.log(`both back in the call ${rejoinMs} ms after the LiveKit server answered`)
  expect(rejoinMs).toBeLessThan(15_000)
  await hears(interviewer, 'Cody Candidate')
  await hears(candidate, 'Ivy Interviewer')
})

test('Remove takes the person out of the call at once, even a hand-written client', async ({
  browsers,
  request,
}) => {
  const room = await createRoom(request)
  const interviewer = await joinCall(browsers, room.links.interviewer, 'Ivy Interviewer')
  const candidate = await joinCall(browsers, room.links.candidate, 'Cody Candidate')

  // Cody's own session token and LiveKit pass, used by a client that ignores Mockroom's UI
  const capability = new URL(room.links.candidate).pathname.split('/').pop() ?? ''
  const [participantId, participantKey] = await candidate.evaluate(
    (cap) => [
      localStorage.getItem(`mockroom:participant:${cap}`) ?? '',
      localStorage.getItem(`mockroom:participant-key:${cap}`) ?? '',
    ],
    capability,
  )
  const { token } = await sessionToken(request, room.links.candidate, 'Cody Candidate', {
    participantId: participantId ?? '',
    participantKey: participantKey ?? '',
  })
  const details = await callDetails(request, token)
  const raw = await openRawClient(browsers)
  await rawConnect(raw, details.body.serverUrl ?? '', details.body.participantToken ?? '')
  // LiveKit keeps one connection per identity: the hand-written client now holds Cody's place
  await expect(candidate.getByRole('region', { name: 'Call' })).toContainText(
    'You joined the call from another tab or window.',
  )

  const people = interviewer.getByRole('region', { name: 'People in the room' })
  await people.getByRole('button', { name: 'Remove Cody Candidate' }).click()
  await people.getByRole('button', { name: 'Yes, remove Cody Candidate' }).click()
  const removedAt = Date.now()
  await expect
    .poll(() => rawDisconnectReason(raw), { timeout: 5_000, intervals: [100] })
    .toBe('PARTICIPANT_REMOVED')
  expect(Date.now() - removedAt).toBeLessThan(2_000)
  const left = await livekitApi().listParticipants(`mockroom-${room.roomId}`)
  expect(left.map((p) => p.identity)).not.toContain(participantId)
  // and no new pass for the call
  expect((await callDetails(request, token)).status).toBe(403)
  // the pass already held is valid until it expires: a rejoin with it is taken out again at once
  // (LiveKit's participant_joined webhook)
  await rawConnect(raw, details.body.serverUrl ?? '', details.body.participantToken ?? '').catch(
    () => undefined,
  )
  await expect
    .poll(() => rawDisconnectReason(raw), { timeout: 5_000, intervals: [100] })
    .toBe('PARTICIPANT_REMOVED')
  const after = await livekitApi().listParticipants(`mockroom-${room.roomId}`)
  expect(after.map((p) => p.identity)).not.toContain(participantId)
})

/** the session id of the room's current round, and its record as the link's role sees it */
async function currentSession(request: APIRequestContext, link: string) {
  const capability = new URL(link).pathname.split('/').pop() ?? ''
  const list = await request.get(`/api/review/${capability}`)
  const { sessions } = (await list.json()) as { sessions: Array<{ sessionId: string }> }
  const sessionId = sessions[0]?.sessionId ?? ''
  return {
    capability,
    sessionId,
    record: async () =>
      (await (await request.get(`/api/review/${capability}/${sessionId}`)).json()) as SessionRecord,
  }
}

test('a whole interview: talk time from the call, End closes the room, webhooks are recorded', async ({
  browsers,
  request,
}) => {
  const room = await createRoom(request)
  const roomName = `mockroom-${room.roomId}`
  const interviewer = await joinCall(browsers, room.links.interviewer, 'Ivy Interviewer')
  const candidate = await joinCall(browsers, room.links.candidate, 'Cody Candidate')
  // the candidate stays muted: only the interviewer's fake microphone speaks
  await candidate.getByRole('button', { name: 'Mute microphone' }).click()
  await expect(voiceOf(interviewer, 'Cody Candidate')).toHaveAttribute('data-muted', 'true')
  await interviewer.getByRole('button', { name: 'Reveal question' }).click()
  await interviewer.getByRole('button', { name: 'Start interview' }).click()

  // talk spans arrive from the interviewer's browser while Clarify runs
  const session = await currentSession(request, room.links.interviewer)
  const talkIn = async (sectionKey: string, role: string) =>
    (await session.record()).talk
      .filter((t) => t.sectionKey === sectionKey && t.role === role)
      .reduce((sum, t) => sum + t.endMs - t.startMs, 0)
  await expect
    .poll(() => talkIn('clarify', 'interviewer'), { timeout: 30_000, intervals: [1000] })
    .toBeGreaterThan(3_000)
  expect(await talkIn('clarify', 'candidate')).toBe(0)

  // End: the call closes for everyone and LiveKit forgets the room
  await interviewer.getByRole('button', { name: 'End interview' }).click()
  const ended = interviewer.waitForResponse((r) => r.url().endsWith('/api/livekit/end'))
  await interviewer.getByRole('button', { name: 'Yes, end the interview' }).click()
  expect(await (await ended).json()).toEqual({ closed: true })
  for (const page of [interviewer, candidate]) {
    // a calm statement, nothing left to mute or pick
    const call = page.getByRole('region', { name: 'Call' })
    await expect(call).toContainText('The call has ended.')
    await expect(callStatus(page)).toHaveCount(0)
    await expect(call.getByRole('button')).toHaveCount(0)
  }
  expect(await livekitApi().listRooms([roomName])).toEqual([])

  // the server's signed webhooks became session events of this session
  const store = await openStore({ dataDir: process.env.E2E_DATA_DIR ?? '' })
  try {
    await expect
      .poll(async () => new Set((await store.events.list(session.sessionId)).map((e) => e.type)), {
        timeout: 15_000,
      })
      .toEqual(
        new Set(['participant_joined', 'track_published', 'participant_left', 'room_finished']),
      )
    const events = await store.events.list(session.sessionId)
    const joined = events.filter((e) => e.type === 'participant_joined')
    expect(new Set(joined.map((e) => e.participantId)).size).toBe(2)
  } finally {
    await store.close()
  }

  // the review shows talk time per person and per section
  await interviewer.goto(`/review/${session.capability}/${session.sessionId}`)
  const talk = interviewer.getByRole('region', { name: 'Talk time' })
  const clarify = talk.getByRole('region', { name: 'Talk time in Clarify' })
  await expect(clarify).toContainText('Ivy Interviewer (interviewer) 100% of Clarify')
  await expect(clarify).toContainText('Cody Candidate (candidate) 0% of Clarify')
})
