import { expect, type Page } from '@playwright/test'
import { test } from './browsers-fixture'
import { bankQuestions, createRoom, joinAs, startedInterview } from './room-kit'

// Automated checks after End: each met / not met with its evidence; a not-met guardrail check
// links to the Metrics section, and that link moves the review's replay there. Without an AI
// reviewer configured (the e2e server has none) its button does not exist.

const order = ['Clarify', 'Segments', 'Pain points', 'Solutions', 'Prioritization', 'Metrics']

async function nextSectionTo(ivy: Page, cody: Page, title: string) {
  await ivy.getByRole('button', { name: 'Next section' }).click()
  // one move at a time: Next names the section it leaves, so a second click too early is refused
  await expect(cody.getByRole('region', { name: title, exact: true })).toHaveAttribute(
    'aria-current',
    'step',
  )
}

test('a metric without a guardrail is not met, and its evidence moves the replay to Metrics', async ({
  browsers,
  request,
}) => {
  const { ivy, cody } = await startedInterview(browsers, request)
  for (const title of order.slice(1)) await nextSectionTo(ivy, cody, title)
  const metrics = cody.getByRole('textbox', { name: 'Metrics', exact: true })
  await metrics.click()
  await cody.keyboard.type('Primary: share of riders who buy a ticket in the app per week.')
  await expect(ivy.getByRole('textbox', { name: 'Metrics', exact: true })).toContainText('per week')
  await ivy.getByRole('button', { name: 'End interview' }).click()
  await ivy.getByRole('button', { name: 'Yes, end the interview' }).click()

  // in the room after End, for the interviewer
  const roomChecks = ivy.getByRole('region', { name: 'Checks' })
  const guardrail = roomChecks
    .getByRole('listitem')
    .filter({ hasText: 'At least one guardrail metric' })
  await expect(guardrail).toContainText('Not met')
  await expect(guardrail).toContainText('Metrics names no guardrail metric.')
  const metric = roomChecks
    .getByRole('listitem')
    .filter({ hasText: 'A metric defined with its unit and time window' })
  await expect(metric).toContainText('Met')
  await expect(metric).toContainText('share of riders who buy a ticket in the app per week')
  await expect(roomChecks).toContainText('not a score of the person')
  await expect(ivy.getByRole('button', { name: /Ask the AI reviewer/ })).toHaveCount(0)
  // the candidate sees no checks before the interviewer shares (interview mode)
  await expect(cody.getByRole('heading', { name: 'The interview has ended' })).toBeVisible()
  await expect(cody.getByRole('region', { name: 'Checks' })).toHaveCount(0)

  // in the review: the evidence link moves the replay to the moment Metrics began
  const href =
    (await ivy.getByRole('link', { name: 'Review this session' }).getAttribute('href')) ?? ''
  const review = await ivy.context().newPage()
  await review.goto(href)
  const checks = review.getByRole('region', { name: 'Checks' })
  const notMet = checks.getByRole('listitem').filter({ hasText: 'At least one guardrail metric' })
  const jump = notMet.getByRole('button', { name: /^Replay Metrics section \(\d+:\d{2}\)$/ })
  const at = /\((\d+:\d{2})\)$/.exec((await jump.textContent()) ?? '')?.[1] ?? ''
  const timeline = review.getByRole('slider', { name: 'Timeline' })
  // the replay opens at the end, after the moment Metrics began
  await expect(timeline).not.toHaveAttribute('aria-valuetext', `${at} since the start`)
  await jump.click()
  await expect(timeline).toHaveAttribute('aria-valuetext', `${at} since the start`)
  const replayed = review.getByRole('region', { name: 'Answer at this moment' })
  await expect(replayed.getByRole('region', { name: 'Metrics' })).toBeInViewport()
  // the answer as it stood when Metrics began: nothing typed there yet
  await expect(replayed.getByRole('region', { name: 'Metrics' })).not.toContainText('per week')
  await expect(review.getByRole('status').filter({ hasText: 'Replay moved to' })).toHaveText(
    `Replay moved to ${at}: Metrics section`,
  )
  // the AI route does not exist on this deployment
  expect((await review.request.get(`/api${href}/ai-review`)).status()).toBe(404)
})

test('in practice mode anyone runs the checks on demand while the session runs', async ({
  browsers,
  request,
}) => {
  const [question] = (await bankQuestions(request)).filter((q) => q.type === 'product-improvement')
  const room = await createRoom(request, question?.id ?? '', 'practice')
  const ivy = await joinAs(browsers, room.links.interviewer, 'Ivy Interviewer')
  const cody = await joinAs(browsers, room.links.candidate, 'Cody Candidate')
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await ivy.getByRole('button', { name: 'Start interview' }).click()
  await cody.getByRole('button', { name: 'Add clarifying question' }).click()
  await cody.keyboard.type('Which city first?')
  // stored once the other side has it (stored before broadcast): the checks read the stored record
  const firstRow = ivy.getByRole('group', { name: 'Clarifying question 1' })
  await expect(firstRow.getByRole('textbox', { name: 'Question', exact: true })).toHaveValue(
    'Which city first?',
  )
  await expect(cody.getByRole('region', { name: 'Checks' })).toHaveCount(0)
  await cody.getByRole('button', { name: 'Check my answer so far' }).click()
  const clarify = cody
    .getByRole('region', { name: 'Checks' })
    .getByRole('listitem')
    .filter({ hasText: 'At least 3 clarifying questions, each with its impact' })
  await expect(clarify).toContainText('Not met')
  await expect(clarify).toContainText('1 question; 1 without an impact on the approach.')
})
