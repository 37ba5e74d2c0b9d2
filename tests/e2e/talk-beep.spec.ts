import { expect } from '@playwright/test'
import { NO_SPEECH } from '@mockroom/session-model'
import { test } from './browsers-fixture'
import { fakeMediaLaunch } from './fake-media'
import { endAndReview, ownLivekitServer, record, started, talkOf } from './talk-kit'

// Chromium's default fake microphone: a short beep about once a second. It is sound (the other
// side hears it), yet the call's speaker detector, which wants sustained level, flags it only a
// few times in the first seconds: the record gets a blip of talk, which once read "100%, 0 s, 0:00"
// (issue 26 point 7). The review must say there is no measure.
ownLivekitServer()
test.use({ launchOptions: fakeMediaLaunch() })

test('a blip of talk is "no speech detected", never a number', async ({ browsers, request }) => {
  const { room, ivy, cody } = await started(browsers, request)
  // the other side does hear the beeps
  await expect
    .poll(
      () =>
        cody
          .getByRole('region', { name: 'People in the room' })
          .getByRole('listitem')
          .filter({ hasText: 'Ivy Interviewer' })
          .locator('[data-in-call]')
          .evaluate((el) => Number((el as HTMLElement).dataset.audioLevel ?? 0)),
      { timeout: 30_000, intervals: [250] },
    )
    .toBeGreaterThan(0)
  // fifteen seconds of call with both microphones on: the situation under test, not a wait
  await ivy.waitForTimeout(15_000)
  const talk = talkOf(await record(request, room.links.interviewer))
  console.log(`talk recorded from 15 s of beeping: ${talk} ms`)
  expect(talk).toBeLessThan(3_000)
  const review = await endAndReview(ivy)
  await expect(review.fact('Share of talk')).toHaveText(NO_SPEECH)
  await expect(review.fact('Longest monologue')).toHaveText(NO_SPEECH)
  await expect(review.talkTime).toContainText(NO_SPEECH)
  await expect(review.talkTime).not.toContainText('%')
})
