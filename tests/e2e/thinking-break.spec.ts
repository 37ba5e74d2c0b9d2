import { readFile } from 'node:fs/promises'
import { expect } from '@playwright/test'
import { test } from './browsers-fixture'
import { bankQuestions, createRoom, joinAs } from './room-kit'

// "Take a minute": the candidate's 60 s thinking break shows on every clock, stops the section's
// time box, can be ended early by the interviewer, at most two per interview, and is kept in the
// plan vs actual, the replay and the Markdown export.

test('a thinking break on every clock, ended early, limited, kept in the review', async ({
  browsers,
  request,
}) => {
  const room = await createRoom(request, (await bankQuestions(request))[0]?.id ?? '')
  const ivy = await joinAs(browsers, room.links.interviewer, 'Ivy Interviewer')
  const cody = await joinAs(browsers, room.links.candidate, 'Cody Candidate')
  const olga = await joinAs(browsers, room.links.observer, 'Olga Observer')
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await ivy.getByRole('button', { name: 'Start interview' }).click()
  // only the candidate is offered the break
  await expect(ivy.getByRole('button', { name: 'Take a minute' })).toHaveCount(0)
  await expect(olga.getByRole('button', { name: 'Take a minute' })).toHaveCount(0)

  await cody.getByRole('button', { name: 'Take a minute' }).click()
  for (const page of [ivy, cody, olga]) {
    await expect(page.getByRole('status').filter({ hasText: 'Thinking break' })).toContainText(
      /Thinking break: 00:[0-5]\d left/,
    )
  }
  // the section's clock stands still while the break counts down
  const timer = ivy.getByRole('timer', { name: 'Section timer' })
  const frozen = await timer.textContent()
  const breakStatus = ivy.getByRole('status').filter({ hasText: 'Thinking break' })
  const before = await breakStatus.textContent()
  await expect(breakStatus).not.toHaveText(before ?? '')
  await expect(timer).toHaveText(frozen ?? '')

  await ivy.getByRole('button', { name: 'End break' }).click()
  for (const page of [ivy, cody, olga])
    await expect(page.getByRole('status').filter({ hasText: 'Thinking break' })).toHaveCount(0)
  await expect(timer).not.toHaveText(frozen ?? '') // running again

  await expect(cody.getByText('1 of 2 left')).toBeVisible()
  await cody.getByRole('button', { name: 'Take a minute' }).click()
  await cody.getByRole('button', { name: 'End break' }).click() // the candidate may end it too
  await expect(cody.getByRole('button', { name: 'Take a minute' })).toBeDisabled()
  await expect(cody.getByText('No thinking breaks left')).toBeVisible()

  await ivy.getByRole('button', { name: 'End interview' }).click()
  await ivy.getByRole('button', { name: 'Yes, end the interview' }).click()
  await ivy.goto(
    (await ivy.getByRole('link', { name: 'Review this session' }).getAttribute('href')) ?? '',
  )
  await expect(ivy.getByRole('region', { name: 'Plan vs actual' })).toContainText(
    /Thinking breaks: 2 — 0:\d\d in Clarify at 0:\d\d, 0:\d\d in Clarify at 0:\d\d/,
  )
  // insights: the whole session in a few facts, and per section plan vs actual vs talk
  const insights = ivy.getByRole('region', { name: 'Insights' })
  await expect(
    insights.getByRole('list', { name: 'Per section' }).getByRole('listitem'),
  ).toHaveCount(6)
  await expect(insights).toContainText(/Thinking breaks\s*2, \d+ s in all/)
  await expect(insights).toContainText(/Never reached\s*Segments, /)
  const marks = ivy.getByRole('list', { name: 'Thinking breaks' }).getByRole('button')
  await expect(marks).toHaveCount(2)
  await expect(marks.first()).toHaveText(/^Thinking break at 0:\d\d \(\d+ s\)$/)
  const file = ivy.waitForEvent('download')
  await ivy.getByRole('button', { name: 'Download Markdown' }).click()
  const markdown = await readFile((await (await file).path()) ?? '', 'utf8')
  expect(markdown).toMatch(/Thinking breaks: 2 — /)
  expect(markdown).toContain('## Insights')
})
