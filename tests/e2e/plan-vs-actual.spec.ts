import { expect, type Locator } from '@playwright/test'
import { test } from './browsers-fixture'
import { startedInterview } from './room-kit'

// Plan vs actual names every section alike in the room and in the review, row by row: a section
// written without time of its own is neither "skipped" nor "not reached".

const rowText = (rows: Locator) =>
  rows.evaluateAll((els) =>
    els.map((el) =>
      [...el.children].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' | '),
    ),
  )

test('plan vs actual: the room and the review agree section by section', async ({
  browsers,
  request,
}) => {
  const { ivy, cody } = await startedInterview(browsers, request)
  // while Clarify's clock runs, the candidate writes ahead in Solutions
  await cody.getByRole('textbox', { name: 'Solutions', exact: true }).click()
  await cody.keyboard.type('A shared wallet for families.')
  await expect(ivy.getByRole('textbox', { name: 'Solutions', exact: true })).toContainText(
    'A shared wallet',
  )
  await ivy.getByRole('button', { name: 'End interview' }).click()
  await ivy.getByRole('button', { name: 'Yes, end the interview' }).click()

  const agenda = ivy.getByRole('list', { name: 'Plan vs actual' }).getByRole('listitem')
  await expect(agenda).toHaveCount(6)
  const inRoom = await rowText(agenda)
  expect(inRoom[0]).toMatch(/^Clarify \| plan 4 min · took \d+ s$/)
  expect(inRoom.slice(1)).toEqual([
    'Segments | plan 5 min · not reached',
    'Pain points | plan 6 min · not reached',
    'Solutions | plan 8 min · written, no time of its own',
    'Prioritization | plan 4 min · not reached',
    'Metrics | plan 5 min · not reached',
  ])

  await ivy.goto(
    (await ivy.getByRole('link', { name: 'Review this session' }).getAttribute('href')) ?? '',
  )
  const table = ivy.getByRole('region', { name: 'Plan vs actual' }).getByRole('table')
  const reviewRows = table.locator('tbody tr')
  await expect(reviewRows).toHaveCount(6)
  // each row has its own section's words: the plan column and the actual column line up
  const inReview = await rowText(reviewRows)
  expect(inReview[0]).toMatch(/^Clarify \| 4 min \| \d+ s$/)
  expect(inReview.slice(1)).toEqual([
    'Segments | 5 min | not reached',
    'Pain points | 6 min | not reached',
    'Solutions | 8 min | written, no time of its own',
    'Prioritization | 4 min | not reached',
    'Metrics | 5 min | not reached',
  ])
})
