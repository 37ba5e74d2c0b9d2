import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import { test } from './browsers-fixture'
import { bankQuestions, createRoom, joinAs, type BankQuestion } from './room-kit'

// The interview flow on top of the shared answer: reveal, time boxes, ending, feedback, rounds
// and the coach's controls. Rooms are created through the API; the home page is not the point.

/** a product-improvement question: its template starts Clarify (4 min), Segments (5 min) */
async function improvementQuestions(request: APIRequestContext): Promise<BankQuestion[]> {
  return (await bankQuestions(request)).filter((q) => q.type === 'product-improvement')
}

// Shifts this context's clock: Date.now() and new Date() run `ms` ahead of the real time.
const shiftedClock = (ms: number) => `(() => {
  const RealDate = Date
  class ShiftedDate extends RealDate {
    constructor(...args) {
      super(...(args.length > 0 ? args : [RealDate.now() + ${ms}]))
    }
    static now() {
      return RealDate.now() + ${ms}
    }
  }
  globalThis.Date = ShiftedDate
})()`

const waiting = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'Waiting for the interviewer to reveal the question' })

const timer = (page: Page) => page.getByRole('timer', { name: 'Section timer' })

/** "04:59" → 299, "+1:05 over" → -65: seconds left in the section */
function secondsLeft(text: string): number {
  const over = /^\+(\d+):(\d{2}) over$/.exec(text)
  if (over) return -(Number(over[1]) * 60 + Number(over[2]))
  const left = /^(\d+):(\d{2})$/.exec(text)
  if (!left) throw new Error(`not a timer reading: ${text}`)
  return Number(left[1]) * 60 + Number(left[2])
}

async function endInterview(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'End interview' }).click()
  // ending asks the server to close the call; with no LiveKit server it answers closed: false
  const callClosed = page.waitForResponse((r) => r.url().endsWith('/api/livekit/end'))
  await page.getByRole('button', { name: 'Yes, end the interview' }).click()
  const response = await callClosed
  expect(response.status()).toBe(200)
  expect(await response.json()).toEqual({ closed: false })
}

const ended = (page: Page): Locator =>
  page.getByRole('heading', { name: 'The interview has ended' })

test('the candidate sees the question only once the interviewer reveals it', async ({
  browsers,
  request,
}) => {
  const [question] = await improvementQuestions(request)
  if (!question) throw new Error('no product-improvement question in the bank')
  const room = await createRoom(request, question.id)

  // the candidate's lobby does not name the question either
  const candidate = await (await browsers.newContext()).newPage()
  await candidate.goto(room.links.candidate)
  await expect(candidate.getByText('The interviewer will reveal the question')).toBeVisible()
  await expect(candidate.getByText(question.title)).toHaveCount(0)
  await candidate.getByLabel('Your name').fill('Cody Candidate')
  await candidate.getByRole('button', { name: 'Join' }).click()
  await expect(candidate.getByRole('status', { name: 'Connection' })).toHaveText('Synced')

  const interviewer = await joinAs(browsers, room.links.interviewer, 'Ivy Interviewer')
  await expect(interviewer.getByRole('combobox', { name: 'Question' })).toHaveValue(question.id)
  await expect(interviewer.getByText('Hints for the interviewer')).toBeVisible()
  await expect(waiting(candidate)).toBeVisible()
  await expect(candidate.getByText(question.title)).toHaveCount(0)
  await expect(candidate.getByRole('textbox', { name: 'Clarify', exact: true })).toHaveCount(0)

  // the interviewer may switch to another question before revealing
  const other = (await improvementQuestions(request))[1]
  if (!other) throw new Error('need two product-improvement questions')
  await interviewer.getByRole('combobox', { name: 'Question' }).selectOption(other.id)
  await expect(interviewer.getByRole('heading', { name: other.title })).toBeVisible()
  await interviewer.getByRole('button', { name: 'Reveal question' }).click()

  await expect(candidate.getByRole('heading', { name: other.title })).toBeVisible()
  await expect(waiting(candidate)).toHaveCount(0)
  await expect(candidate.getByRole('textbox', { name: 'Clarify', exact: true })).toBeVisible()
  // hints, notes and the rubric stay on the interviewer's screen
  await expect(candidate.getByText('Hints for the interviewer')).toHaveCount(0)
  await expect(candidate.getByRole('textbox', { name: 'Interviewer notes' })).toHaveCount(0)
  await expect(interviewer.getByRole('textbox', { name: 'Interviewer notes' })).toBeVisible()
})

test('both section timers agree within a second although one clock is 90 s off', async ({
  browsers,
  request,
}) => {
  const [question] = await improvementQuestions(request)
  const room = await createRoom(request, question?.id ?? '')
  const interviewer = await joinAs(browsers, room.links.interviewer, 'Ivy Interviewer')
  const candidate = await joinAs(
    browsers,
    room.links.candidate,
    'Cody Candidate',
    shiftedClock(90_000),
  )
  const skew = await candidate.evaluate(
    () => Date.now() - performance.timeOrigin - performance.now(),
  )
  expect(skew).toBeGreaterThan(85_000)

  await interviewer.getByRole('button', { name: 'Reveal question' }).click()
  await interviewer.getByRole('button', { name: 'Start interview' }).click()
  await expect(timer(candidate)).toBeVisible()
  const clarify = candidate.getByRole('region', { name: 'Clarify' })
  await expect(clarify).toHaveAttribute('aria-current', 'step')

  for (let sample = 0; sample < 3; sample++) {
    const [a, b] = await Promise.all([
      timer(interviewer).textContent(),
      timer(candidate).textContent(),
    ])
    const left = [secondsLeft(a ?? ''), secondsLeft(b ?? '')]
    expect(Math.abs((left[0] ?? 0) - (left[1] ?? 0)), `${a} vs ${b}`).toBeLessThanOrEqual(1)
    // Clarify is planned for 4 minutes and has only just started
    expect(left[1]).toBeGreaterThan(220)
    expect(left[1]).toBeLessThanOrEqual(240)
    await candidate.waitForTimeout(700)
  }

  // pause freezes both clocks; next section moves the highlight for everyone
  await interviewer.getByRole('button', { name: 'Pause' }).click()
  await expect(candidate.getByText('Paused', { exact: true })).toBeVisible()
  const frozen = await timer(candidate).textContent()
  await candidate.waitForTimeout(1500)
  await expect(timer(candidate)).toHaveText(frozen ?? '')
  await interviewer.getByRole('button', { name: 'Resume' }).click()
  await expect(candidate.getByText('Paused', { exact: true })).toHaveCount(0)
  await interviewer.getByRole('button', { name: 'Next section' }).click()
  await expect(candidate.getByRole('region', { name: 'Segments' })).toHaveAttribute(
    'aria-current',
    'step',
  )
  await expect(timer(candidate)).toHaveText(/^0[45]:\d{2}$/)
})

test('ending locks the answer, and shared feedback reaches the candidate', async ({
  browsers,
  request,
}) => {
  const [question] = await improvementQuestions(request)
  const room = await createRoom(request, question?.id ?? '')
  const interviewer = await joinAs(browsers, room.links.interviewer, 'Ivy Interviewer')
  const candidate = await joinAs(browsers, room.links.candidate, 'Cody Candidate')
  await interviewer.getByRole('button', { name: 'Reveal question' }).click()
  await interviewer.getByRole('button', { name: 'Start interview' }).click()
  await candidate.getByRole('textbox', { name: 'Clarify', exact: true }).click()
  await candidate.keyboard.type('Who pays today?')

  // the interviewer's private notes and rubric
  await interviewer.getByRole('textbox', { name: 'Interviewer notes' }).click()
  await interviewer.keyboard.type('Asked sharp clarifying questions.')
  await interviewer.getByRole('combobox', { name: 'Score for Clarify' }).selectOption('3')
  await interviewer
    .getByRole('textbox', { name: 'Comment on Clarify' })
    .fill('Good scoping of the problem.')

  await endInterview(interviewer)
  // the overall call is made after the end, in the full rubric
  await interviewer.getByRole('combobox', { name: 'Recommendation' }).selectOption('yes')
  await interviewer.getByRole('textbox', { name: 'Overall comment' }).fill('Structured throughout.')
  await expect(ended(interviewer)).toBeVisible()
  await expect(ended(candidate)).toBeVisible()
  await expect(timer(candidate)).toHaveCount(0)
  const answer = candidate.getByRole('textbox', { name: 'Clarify', exact: true })
  await expect(answer).toHaveAttribute('contenteditable', 'false')
  await expect(answer).toHaveAttribute('aria-readonly', 'true')
  await expect(answer).toContainText('Who pays today?')
  // plan vs actual once it is over
  await expect(candidate.getByRole('heading', { name: 'Plan vs actual' })).toBeVisible()

  await expect(
    candidate.getByRole('heading', { name: 'Feedback from your interviewer' }),
  ).toHaveCount(0)
  await interviewer.getByRole('radio', { name: 'Share my notes with the candidate only' }).check()
  await interviewer.getByRole('button', { name: 'Share feedback' }).click()
  const feedback = candidate.getByRole('region', { name: 'Feedback from your interviewer' })
  await expect(feedback).toContainText('3 of 4 — Solid')
  await expect(feedback).toContainText('Good scoping of the problem.')
  await expect(feedback).toContainText('Hire')
  await expect(feedback).toContainText('Structured throughout.')
  await expect(feedback).toContainText('Asked sharp clarifying questions.')
})

test('practice mode: section feedback while the interview runs', async ({
  page,
  browsers,
  request,
}) => {
  const [question] = await improvementQuestions(request)
  // the mode is picked on the question page
  await page.goto(`/questions/${question?.id ?? ''}`)
  await page.getByRole('radio', { name: 'Practice' }).check()
  await page.getByRole('button', { name: 'Start a mock interview' }).click()
  const candidateLink = await page.getByRole('textbox', { name: 'Candidate link' }).inputValue()
  // it opens a new tab (layout.spec.ts); this test just follows it here
  const openRoom = page.getByRole('link', { name: 'Open interviewer room' })
  await expect(openRoom).toHaveAttribute('target', '_blank')
  await page.goto((await openRoom.getAttribute('href')) ?? '')
  await page.getByLabel('Your name').fill('Ivy Interviewer')
  await page.getByRole('button', { name: 'Join' }).click()
  await expect(page.getByText('Practice mode')).toBeVisible()
  const candidate = await joinAs(browsers, candidateLink, 'Cody Candidate')

  await page.getByRole('button', { name: 'Reveal question' }).click()
  await page.getByRole('button', { name: 'Start interview' }).click()
  // only past and current sections take feedback
  await expect(page.getByRole('textbox', { name: 'Feedback on Segments' })).toHaveCount(0)
  await page.getByRole('textbox', { name: 'Feedback on Clarify' }).fill('Ask about the goal first.')
  await page
    .getByRole('region', { name: 'Clarify' })
    .getByRole('button', { name: 'Send feedback' })
    .click()
  await expect(candidate.getByRole('region', { name: 'Clarify' })).toContainText(
    'Ask about the goal first.',
  )
  await expect(candidate.getByRole('textbox', { name: 'Feedback on Clarify' })).toHaveCount(0)
})

test('swapping roles opens round 2 with the former candidate as interviewer', async ({
  browsers,
  request,
}) => {
  const questions = await improvementQuestions(request)
  const room = await createRoom(request, questions[0]?.id ?? '')
  const ivy = await joinAs(browsers, room.links.interviewer, 'Ivy')
  const cody = await joinAs(browsers, room.links.candidate, 'Cody')
  await expect(ivy.getByText('Round 1', { exact: true })).toBeVisible()
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await ivy.getByRole('button', { name: 'Start interview' }).click()
  await endInterview(ivy)
  await expect(ended(cody)).toBeVisible()

  const second = questions[2]
  if (!second) throw new Error('need three product-improvement questions')
  await ivy.getByRole('combobox', { name: 'Question for round 2' }).selectOption(second.id)
  await ivy.getByRole('button', { name: 'Swap roles and start round 2' }).click()

  // Cody now runs the interview, with the question Ivy picked preselected
  await expect(cody.getByText('Round 2', { exact: true })).toBeVisible()
  await expect(cody.getByText('You are the interviewer')).toBeVisible()
  await expect(cody.getByRole('button', { name: 'Reveal question' })).toBeVisible()
  await expect(cody.getByRole('combobox', { name: 'Question' })).toHaveValue(second.id)
  await expect(ivy.getByText('Round 2', { exact: true })).toBeVisible()
  await expect(ivy.getByText('You are the candidate')).toBeVisible()
  await expect(waiting(ivy)).toBeVisible()
  await expect(ivy.getByRole('button', { name: 'Reveal question' })).toHaveCount(0)
  await expect(ivy.getByText(second.title)).toHaveCount(0)

  await cody.getByRole('button', { name: 'Reveal question' }).click()
  await expect(ivy.getByRole('heading', { name: second.title })).toBeVisible()
  // a fresh answer: round 1's text is not in round 2's document
  await expect(ivy.getByRole('textbox', { name: 'Clarify', exact: true })).toHaveText('')
  const people = cody.getByRole('region', { name: 'People in the room' })
  await expect(people.getByRole('list', { name: 'Candidate' })).toContainText('Ivy')

  // a reload lands in round 2 again, with the same seat
  await ivy.reload()
  await expect(ivy.getByText('Round 2', { exact: true })).toBeVisible()
  await expect(ivy.getByRole('heading', { name: second.title })).toBeVisible()
})

const REMOVED =
  'You were removed from this interview. If this was a mistake, ask the interviewer for a new link.'

test('the interviewer removes an observer, who is told and kept out', async ({
  browsers,
  request,
}) => {
  const [question] = await improvementQuestions(request)
  const room = await createRoom(request, question?.id ?? '')
  const interviewer = await joinAs(browsers, room.links.interviewer, 'Ivy Interviewer')
  const observer = await joinAs(browsers, room.links.observer, 'Olga Observer')
  const candidate = await joinAs(browsers, room.links.candidate, 'Cody Candidate')

  const people = interviewer.getByRole('region', { name: 'People in the room' })
  await expect(people.getByRole('list', { name: 'Observers' })).toContainText('Olga Observer')
  await expect(people.getByRole('list', { name: 'Candidate' })).toContainText('Cody Candidate')
  await expect(people.getByRole('list', { name: 'Interviewer' })).toContainText('Ivy Interviewer')
  // only the interviewer gets the remove buttons, and never for themselves
  await expect(candidate.getByRole('button', { name: /^Remove / })).toHaveCount(0)
  await expect(people.getByRole('button', { name: 'Remove Ivy Interviewer' })).toHaveCount(0)

  await people.getByRole('button', { name: 'Remove Olga Observer' }).click()
  await people.getByRole('button', { name: 'Yes, remove Olga Observer' }).click()
  await expect(observer.getByRole('alert').filter({ hasText: 'removed' })).toHaveText(REMOVED)
  await expect(observer.getByRole('status', { name: 'Connection' })).toHaveCount(0)
  await expect(people.getByText('Olga Observer')).toHaveCount(0)

  // the link no longer lets them back in
  await observer.reload()
  await observer.getByLabel('Your name').fill('Olga Observer')
  await observer.getByRole('button', { name: 'Join' }).click()
  await expect(observer.getByRole('alert').filter({ hasText: 'removed' })).toHaveText(REMOVED)
})
