import { expect } from '@playwright/test'
import { test } from './browsers-fixture'
import { endAndReview, ownLivekitServer, record, started, talkOf } from './talk-kit'

// Issue 26 point 7, the working case: both fake microphones play speech (fake-speech.ts), and
// both people's talk reaches the record and the review's facts, in numbers.
ownLivekitServer()

test('both microphones on: both people talk in the record and in the insights', async ({
  browsers,
  request,
}) => {
  const { room, ivy } = await started(browsers, request)
  for (const role of ['interviewer', 'candidate'])
    await expect
      .poll(async () => talkOf(await record(request, room.links.interviewer), role), {
        timeout: 40_000,
        intervals: [1000],
        message: `${role} talk in the record`,
      })
      .toBeGreaterThan(3_000)
  const review = await endAndReview(ivy)
  await expect(review.fact('Share of talk')).toHaveText(
    /Ivy Interviewer \d+%, Cody Candidate \d+%|Cody Candidate \d+%, Ivy Interviewer \d+%/,
  )
  // a length that is not zero ("12 s")
  await expect(review.fact('Longest monologue')).toHaveText(
    /^(Ivy Interviewer|Cody Candidate), [1-9]/,
  )
  await expect(review.talkTime).toContainText(/Cody Candidate \(candidate\) \d+% of the talking/)
})
