import { expect, type APIRequestContext } from '@playwright/test'
import { test } from './browsers-fixture'
import { e2eLivekitUrl } from './livekit-server-kit'
import { bankQuestions, createRoom as createRoomFor, enterRoom, joinAs } from './room-kit'

// The browser side of the audio call without a LiveKit server (LIVEKIT_URL points at the port where
// only livekit-real.spec.ts runs one). Chromium runs with fake media devices.

async function createRoom(request: APIRequestContext) {
  const [first] = await bankQuestions(request)
  return createRoomFor(request, first?.id ?? '')
}

test('the lobby lists the microphone, shows its level and lets go of it on joining', async ({
  page,
  request,
}) => {
  const room = await createRoom(request)
  // count the microphone tracks the page opens, to see the preview stopped after the lobby
  await page.addInitScript(() => {
    const opened: MediaStreamTrack[] = []
    Object.assign(window, { openedTracks: opened })
    const media = navigator.mediaDevices
    const original = media.getUserMedia.bind(media)
    media.getUserMedia = async (constraints) => {
      const stream = await original(constraints)
      opened.push(...stream.getTracks())
      return stream
    }
  })
  await page.goto(room.links.candidate)

  const microphone = page.getByRole('combobox', { name: 'Microphone' })
  await expect(microphone).toBeEnabled()
  const labels = await microphone.locator('option').allTextContents()
  expect(labels.some((label) => /Fake (Default )?Audio Input/.test(label))).toBe(true)

  const meter = page.getByRole('meter', { name: 'Microphone level' })
  await expect(meter).toHaveAttribute('aria-valuemin', '0')
  await expect(meter).toHaveAttribute('aria-valuemax', '100')
  // the fake device beeps: the level rises above 0 within a second or so
  await expect
    .poll(async () => Number(await meter.getAttribute('aria-valuenow')))
    .toBeGreaterThan(0)

  // another input is remembered for the call
  await microphone.selectOption({ label: 'Fake Audio Input 1' })
  await expect
    .poll(() => page.evaluate(() => window.localStorage.getItem('mockroom:mic')))
    .toBe(await microphone.inputValue())

  const tracks = () =>
    page.evaluate(() => {
      const { openedTracks } = window as unknown as { openedTracks: MediaStreamTrack[] }
      return openedTracks.map((track) => track.readyState)
    })
  // the first preview and the one for the chosen input
  await expect.poll(async () => (await tracks()).length).toBeGreaterThanOrEqual(2)
  const inLobby = (await tracks()).length
  await enterRoom(page, 'Cody Candidate')
  // every preview track is stopped once the lobby is gone (the call opens its own, if any)
  await expect
    .poll(async () => (await tracks()).slice(0, inLobby).filter((state) => state === 'live'))
    .toEqual([])
})

test('without a call server the rooms say audio is offline and keep co-editing', async ({
  browsers,
  request,
}) => {
  const room = await createRoom(request)
  const interviewer = await joinAs(browsers, room.links.interviewer, 'Ivy Interviewer')
  const candidate = await joinAs(browsers, room.links.candidate, 'Cody Candidate')

  for (const page of [interviewer, candidate]) {
    const call = page.getByRole('region', { name: 'Call' })
    const alert = call.getByRole('alert')
    await expect(alert).toContainText("Audio offline — can't reach the call server")
    await expect(alert).toContainText(e2eLivekitUrl())
    await expect(call.getByRole('status', { name: 'Call status' })).toHaveText('Audio offline')
    await expect(call.getByText(/Retrying in \d+ s/)).toBeVisible()
  }

  // the document does not care about the call
  await interviewer.getByRole('button', { name: 'Reveal question' }).click()
  await candidate.getByRole('textbox', { name: 'Clarify', exact: true }).click()
  await candidate.keyboard.type('Which stores: chains or corner shops?')
  await expect(interviewer.getByRole('textbox', { name: 'Clarify', exact: true })).toContainText(
    'Which stores: chains or corner shops?',
  )
  await interviewer.getByRole('textbox', { name: 'Clarify', exact: true }).press('End')
  await interviewer.keyboard.type(' Corner shops.')
  await expect(candidate.getByRole('textbox', { name: 'Clarify', exact: true })).toContainText(
    'Corner shops.',
  )

  // presence works, just without speaking/muted indicators
  const people = interviewer.getByRole('region', { name: 'People in the room' })
  await expect(people).toContainText('Cody Candidate')
  await expect(people.locator('[data-in-call]')).toHaveCount(0)

  // the mute toggle and its shortcut work offline too (applied once the call is back)
  const mute = interviewer.getByRole('button', { name: 'Mute microphone' })
  await expect(mute).toHaveAttribute('aria-pressed', 'false')
  await expect(mute).toHaveAttribute('title', /\((Ctrl\+D|⌘D)\)$/)
  await interviewer.getByRole('textbox', { name: 'Segments', exact: true }).click()
  await interviewer.keyboard.press('ControlOrMeta+d')
  await expect(interviewer.getByRole('button', { name: 'Unmute microphone' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(interviewer.getByRole('textbox', { name: 'Segments', exact: true })).toHaveText('')

  // "Retry now" tries at once and then waits again
  const call = candidate.getByRole('region', { name: 'Call' })
  await call.getByRole('button', { name: 'Retry now' }).click()
  await expect(call.getByText(/Retrying in \d+ s/)).toBeVisible()
  await expect(call.getByRole('alert')).toContainText("can't reach the call server")
})

test('an observer joins listen-only: no microphone check, no mic controls', async ({
  page,
  request,
}) => {
  const room = await createRoom(request)
  await page.goto(room.links.observer)
  await expect(page.getByText('You will join as a listener')).toBeVisible()
  await expect(page.getByRole('meter', { name: 'Microphone level' })).toHaveCount(0)

  await enterRoom(page, 'Olga Observer')
  const call = page.getByRole('region', { name: 'Call' })
  await expect(call.getByText('Listen-only', { exact: true })).toBeVisible()
  await expect(call.getByRole('status', { name: 'Call status' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Mute microphone' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Unmute microphone' })).toHaveCount(0)
  await expect(call.getByRole('combobox', { name: 'Microphone' })).toHaveCount(0)
})
