import { expect } from '@playwright/test'
import { test } from './browsers-fixture'
import { startedInterview } from './room-kit'

// Coverage ticks: the interviewer ticks what the answer covered next to the rubric row, with a
// suggestion read from the answer's structure; the candidate sees nothing of it (not even in the
// review API) until the feedback is shared, then sees the ticks with the rubric.

test('coverage ticks stay private until feedback is shared', async ({ browsers, request }) => {
  const { ivy, cody } = await startedInterview(browsers, request)

  await cody.getByRole('textbox', { name: 'Clarify', exact: true }).click()
  await cody.keyboard.type('Is the goal more payments?')
  // folded beside the rubric row so the people stay in view; it stays open once opened
  await ivy.getByText('Coverage: 0 of 3 ticked').click()
  const covered = ivy.getByRole('group', { name: 'Covered in Clarify' })
  await covered.getByRole('checkbox', { name: 'Goal of the improvement' }).check()
  await ivy.getByRole('combobox', { name: 'Score for Clarify' }).selectOption('3')
  await ivy.getByRole('button', { name: 'Next section' }).click()
  // Segments is a list: the suggestion counts what is written, as a fact, not a verdict
  await cody.getByRole('textbox', { name: 'Segments', exact: true }).click()
  await cody.keyboard.type('Tourists')
  await cody.keyboard.press('Enter')
  await cody.keyboard.type('Students abroad')
  const segments = ivy.getByRole('group', { name: 'Covered in Segments' })
  await expect(segments).toContainText('the answer has 2 lines in Segments so far')
  await segments.getByRole('checkbox', { name: 'Two or more segments' }).check()
  await expect(ivy.getByText('Coverage: 1 of 2 ticked')).toBeVisible()
  await expect(cody.getByText('Goal of the improvement')).toHaveCount(0)

  await ivy.getByRole('button', { name: 'End interview' }).click()
  await ivy.getByRole('button', { name: 'Yes, end the interview' }).click()
  const href =
    (await cody.getByRole('link', { name: 'Review this session' }).getAttribute('href')) ?? ''
  const before = await (await cody.request.get(`/api${href}`)).text()
  expect(before).not.toContain('Goal of the improvement')

  // the sync server refuses a share without the overall call
  await ivy.getByRole('combobox', { name: 'Recommendation' }).selectOption('yes')
  await ivy.getByRole('button', { name: 'Share feedback' }).click()
  const feedback = cody.getByRole('region', { name: 'Feedback from your interviewer' })
  await expect(feedback).toContainText('Covered: Goal of the improvement')
  await expect(feedback).toContainText('Covered: Two or more segments')

  // the candidate's /sessions tracks the shared scores per section over time
  await cody.goto('/sessions')
  const progress = cody.getByRole('region', { name: 'Your progress' })
  await expect(progress.getByRole('row', { name: /^Clarify/ })).toContainText('3')
  await expect(progress.getByRole('row')).toHaveCount(2) // header + the one scored section
})
