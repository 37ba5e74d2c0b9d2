import { expect, type Page } from '@playwright/test'
import { test } from './browsers-fixture'
import { bankQuestions, createRoom, joinAs } from './room-kit'

// Scoring after the end: the interviewer keeps editing notes and rubric until they finalize or
// share; "Share feedback" names who receives what, and observers get the notes only when chosen.

async function endInterview(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'End interview' }).click()
  await page.getByRole('button', { name: 'Yes, end the interview' }).click()
  await expect(page.getByRole('heading', { name: 'The interview has ended' })).toBeVisible()
}

test('notes and rubric stay editable after the end until shared; observers get no notes', async ({
  browsers,
  request,
}) => {
  const [question] = (await bankQuestions(request)).filter((q) => q.type === 'product-improvement')
  const room = await createRoom(request, question?.id ?? '')
  const ivy = await joinAs(browsers, room.links.interviewer, 'Ivy Interviewer')
  const cody = await joinAs(browsers, room.links.candidate, 'Cody Candidate')
  const olga = await joinAs(browsers, room.links.observer, 'Olga Observer')
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await ivy.getByRole('button', { name: 'Start interview' }).click()
  await ivy.getByRole('textbox', { name: 'Interviewer notes' }).click()
  await ivy.keyboard.type('During: good structure.')
  await endInterview(ivy)

  // after the end: the answer is locked for everyone, the interviewer's notes and rubric are not
  const answer = ivy.getByRole('textbox', { name: 'Clarify', exact: true })
  await expect(answer).toHaveAttribute('contenteditable', 'false')
  const notes = ivy.getByRole('textbox', { name: 'Interviewer notes' })
  await expect(notes).toHaveAttribute('contenteditable', 'true')
  await notes.click()
  await ivy.keyboard.press('End')
  await ivy.keyboard.type(' After: missed metrics.')
  await ivy.getByRole('combobox', { name: 'Score for Clarify' }).selectOption('2')
  await ivy.getByRole('textbox', { name: 'Comment on Clarify' }).fill('Scored after the end.')

  // the form says exactly who receives what
  const recipients = ivy.getByRole('list', { name: 'Who receives the feedback' })
  await expect(recipients).toContainText(
    'Scores, comments and recommendation: the candidate (Cody Candidate) and 1 observer (Olga Observer).',
  )
  await expect(recipients).toContainText('Your notes: nobody, they stay private.')
  await ivy.getByRole('radio', { name: 'Share my notes with the candidate only' }).check()
  await expect(recipients).toContainText(
    'Your notes: the candidate (Cody Candidate) only, not the observers.',
  )
  // the sync server refuses a share without the overall call
  await ivy.getByRole('combobox', { name: 'Recommendation' }).selectOption('yes')
  await ivy.getByRole('button', { name: 'Share feedback' }).click()

  const codyFeedback = cody.getByRole('region', { name: 'Feedback from your interviewer' })
  await expect(codyFeedback).toContainText('Scored after the end.')
  await expect(codyFeedback).toContainText('After: missed metrics.')
  const olgaFeedback = olga.getByRole('region', { name: 'Feedback shared by the interviewer' })
  await expect(olgaFeedback).toContainText('Scored after the end.')
  await expect(olgaFeedback).not.toContainText('missed metrics')
  await expect(olga.getByText('missed metrics')).toHaveCount(0)

  // sharing finalized: the interviewer's notes are locked now
  await expect(notes).toHaveAttribute('contenteditable', 'false')
  await expect(ivy.getByRole('combobox', { name: 'Score for Clarify' })).toBeDisabled()

  // the review shows the final state, and the observer's review agrees with their room
  const olgaRecord = await olga.request.get(
    `/api${(await olga.getByRole('link', { name: 'Review this session' }).getAttribute('href')) ?? ''}`,
  )
  const record = (await olgaRecord.json()) as { sharedFeedback: { notes: string | null } }
  expect(record.sharedFeedback.notes).toBeNull()
  expect(JSON.stringify(record)).not.toContain('missed metrics')
})

test('Finalize feedback locks notes and rubric without sharing', async ({ browsers, request }) => {
  const [question] = await bankQuestions(request)
  const room = await createRoom(request, question?.id ?? '')
  const ivy = await joinAs(browsers, room.links.interviewer, 'Ivy Interviewer')
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await ivy.getByRole('button', { name: 'Start interview' }).click()
  await endInterview(ivy)
  const notes = ivy.getByRole('textbox', { name: 'Interviewer notes' })
  await notes.click()
  await ivy.keyboard.type('Final word.')
  await ivy.getByRole('button', { name: 'Finalize feedback' }).click()
  await expect(notes).toHaveAttribute('contenteditable', 'false')
  await expect(ivy.getByText('Finalized: your notes and scores are locked.')).toBeVisible()
  // a reload (straight back into the room) reads the lock from the server, and the review shows
  // the final notes
  await ivy.reload()
  await expect(ivy.getByRole('textbox', { name: 'Interviewer notes' })).toHaveAttribute(
    'contenteditable',
    'false',
  )
  await ivy.goto(
    (await ivy.getByRole('link', { name: 'Review this session' }).getAttribute('href')) ?? '',
  )
  await expect(ivy.getByRole('region', { name: 'Your rubric and notes' })).toContainText(
    'Final word.',
  )
  await expect(ivy.getByText('Final, not shared.')).toBeVisible()
})
