import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test'

// Real calls through a real LiveKit server, e.g. `livekit-server --dev` and
// `LIVEKIT_URL=ws://localhost:7880 pnpm test:e2e`. Chromium's fake microphone plays a beep.
test.skip(!process.env.LIVEKIT_URL, 'LIVEKIT_URL not set: no LiveKit server to test against')

const CALL_TIMEOUT = 20_000

interface CreatedRoom {
  links: { interviewer: string; candidate: string; observer: string }
}

async function createRoom(request: APIRequestContext): Promise<CreatedRoom> {
  const list = await request.get('/api/questions')
  const { questions } = (await list.json()) as { questions: Array<{ id: string }> }
  const created = await request.post('/api/rooms', { data: { questionId: questions[1]?.id } })
  expect(created.status()).toBe(201)
  return (await created.json()) as CreatedRoom
}

async function joinCall(browser: Browser, link: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await page.goto(link)
  await page.getByLabel('Your name').fill(name)
  await page.getByRole('button', { name: 'Join' }).click()
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Synced')
  await expect(page.getByRole('status', { name: 'Call status' })).toHaveText('In the call', {
    timeout: CALL_TIMEOUT,
  })
  return page
}

/** someone's entry in the presence list of `page` */
function person(page: Page, name: string) {
  return page
    .getByRole('region', { name: 'People in the room' })
    .getByRole('listitem')
    .filter({ hasText: name })
}

/** the call state the presence list exposes for tests (see components/call/voice-badge.tsx) */
function voiceOf(page: Page, name: string) {
  return person(page, name).locator('[data-in-call]')
}

/** 0–1: how loud `name` is as received and decoded in `page` (RTP receiver stats) */
async function audioLevel(page: Page, name: string): Promise<number> {
  const voice = voiceOf(page, name)
  if ((await voice.count()) === 0) return 0
  return voice.evaluate((element) => Number((element as HTMLElement).dataset.audioLevel ?? 0))
}

test('interviewer and candidate hear each other, see mutes, and an observer only listens', async ({
  browser,
  request,
}) => {
  const room = await createRoom(request)
  const interviewer = await joinCall(browser, room.links.interviewer, 'Ivy Interviewer')
  const candidate = await joinCall(browser, room.links.candidate, 'Cody Candidate')

  // each subscribes to the other's microphone and receives the fake device's tone
  await expect(voiceOf(interviewer, 'Cody Candidate')).toHaveAttribute('data-has-mic', 'true', {
    timeout: CALL_TIMEOUT,
  })
  await expect(voiceOf(candidate, 'Ivy Interviewer')).toHaveAttribute('data-has-mic', 'true', {
    timeout: CALL_TIMEOUT,
  })
  await expect
    .poll(() => audioLevel(interviewer, 'Cody Candidate'), { timeout: CALL_TIMEOUT })
    .toBeGreaterThan(0)
  await expect
    .poll(() => audioLevel(candidate, 'Ivy Interviewer'), { timeout: CALL_TIMEOUT })
    .toBeGreaterThan(0)
  await expect(interviewer.getByRole('region', { name: 'Call' })).toContainText(
    /Connection: (good|poor|lost)/,
  )

  // muting on one side shows on the other, and back
  await candidate.getByRole('button', { name: 'Mute microphone' }).click()
  await expect(candidate.getByRole('button', { name: 'Unmute microphone' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(voiceOf(interviewer, 'Cody Candidate')).toHaveAttribute('data-muted', 'true')
  await expect(person(interviewer, 'Cody Candidate')).toContainText('muted')
  await candidate.keyboard.press('ControlOrMeta+d')
  await expect(voiceOf(interviewer, 'Cody Candidate')).toHaveAttribute('data-muted', 'false')
  await expect(person(interviewer, 'Cody Candidate')).not.toContainText('muted')

  // an observer listens without any microphone
  const observer = await joinCall(browser, room.links.observer, 'Olga Observer')
  const call = observer.getByRole('region', { name: 'Call' })
  await expect(call.getByText('Listen-only', { exact: true })).toBeVisible()
  await expect(observer.getByRole('button', { name: /mute microphone/i })).toHaveCount(0)
  await expect(call.getByRole('combobox', { name: 'Microphone' })).toHaveCount(0)
  const olga = voiceOf(interviewer, 'Olga Observer')
  await expect(olga).toHaveAttribute('data-in-call', 'true', { timeout: CALL_TIMEOUT })
  await expect(olga).toHaveAttribute('data-has-mic', 'false')
  await expect(olga).toContainText('listening')
  await expect
    .poll(() => audioLevel(observer, 'Ivy Interviewer'), { timeout: CALL_TIMEOUT })
    .toBeGreaterThan(0)

  // leaving the room leaves the call (LiveKit says goodbye on pagehide, no reconnect grace period)
  await candidate.goto('about:blank')
  await expect(voiceOf(interviewer, 'Cody Candidate')).toHaveCount(0, { timeout: CALL_TIMEOUT })

  await Promise.all([interviewer, candidate, observer].map((page) => page.context().close()))
})
