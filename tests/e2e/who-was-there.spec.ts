import { readFile } from 'node:fs/promises'
import { expect, type Page } from '@playwright/test'
import { test } from './browsers-fixture'
import { bankQuestions, createRoom, joinAs } from './room-kit'

// Issue 26 point 6: the review, /sessions and the exports list the people who were in the
// session (admitted and joined), by participant: someone turned away at the waiting room — here
// a second "Cody Candidate" — gets no row and no colour.

async function download(page: Page, button: string): Promise<string> {
  const file = page.waitForEvent('download')
  await page.getByRole('button', { name: button }).click()
  return readFile((await (await file).path()) ?? '', 'utf8')
}

test('people turned away at the waiting room are not listed as participants', async ({
  browsers,
  request,
}) => {
  const [question] = await bankQuestions(request)
  const room = await createRoom(request, question?.id ?? '')
  const ivy = await joinAs(browsers, room.links.interviewer, 'Ivy Interviewer')
  await joinAs(browsers, room.links.candidate, 'Cody Candidate')
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await ivy.getByRole('button', { name: 'Start interview' }).click()
  await expect(ivy.getByRole('button', { name: 'End interview' })).toBeVisible()

  // someone else types the candidate's name on the observer link; the interviewer says no
  const impostor = await (await browsers.newContext()).newPage()
  await impostor.goto(room.links.observer)
  await impostor.getByLabel('Your name').fill('Cody Candidate')
  await impostor.getByRole('button', { name: 'Join' }).click()
  const people = ivy.getByRole('region', { name: 'People in the room' })
  await people.getByRole('button', { name: 'Turn away Cody Candidate' }).click()
  await expect(
    impostor.getByRole('heading', { name: 'The interviewer did not let you in' }),
  ).toBeVisible()

  await ivy.getByRole('button', { name: 'End interview' }).click()
  await ivy.getByRole('button', { name: 'Yes, end the interview' }).click()
  const reviewHref = await ivy
    .getByRole('link', { name: 'Review this session' })
    .getAttribute('href')

  const sessions = await ivy.context().newPage()
  await sessions.goto('/sessions')
  await expect(
    sessions.getByText('Ivy Interviewer (interviewer), Cody Candidate (candidate)'),
  ).toBeVisible()
  await expect(sessions.getByText(/Cody Candidate \(observer\)/)).toHaveCount(0)

  await ivy.goto(reviewHref ?? '')
  const listed = ivy.getByRole('region', { name: 'Participants' })
  await expect(listed.getByRole('listitem')).toHaveCount(2)
  await expect(listed.getByRole('listitem').filter({ hasText: 'Cody Candidate' })).toHaveCount(1)

  const json = JSON.parse(await download(ivy, 'Download JSON')) as {
    participants: Array<{ id: string; name: string; role: string }>
  }
  expect(json.participants.map((p) => [p.name, p.role])).toEqual([
    ['Ivy Interviewer', 'interviewer'],
    ['Cody Candidate', 'candidate'],
  ])
  const markdown = await download(ivy, 'Download Markdown')
  expect(markdown).not.toContain('Cody Candidate (observer')
})
