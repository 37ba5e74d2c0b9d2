import { expect, type Locator } from '@playwright/test'
import { test } from './browsers-fixture'
import { startedInterview } from './room-kit'

// Plan vs actual names every section alike in the room and in the review, row by row: a section
// written without time of its own is neither "skipped" nor "not reached" ("written, untimed").

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

  // one table with fixed columns, the same rows and the same m:ss format in room and review
  const expected = [
    'Segments | 5:00 | not reached',
    'Pain points | 6:00 | not reached',
    'Solutions | 8:00 | written, untimed',
    'Prioritization | 4:00 | not reached',
    'Metrics | 5:00 | not reached',
  ]
  const inRoomTable = ivy.getByRole('table', { name: 'Plan vs actual' })
  await expect(inRoomTable.locator('tbody tr')).toHaveCount(6)
  const inRoom = await rowText(inRoomTable.locator('tbody tr'))
  expect(inRoom[0]).toMatch(/^Clarify \| 4:00 \| \d+:\d\d$/)
  expect(inRoom.slice(1)).toEqual(expected)

  await ivy.goto(
    (await ivy.getByRole('link', { name: 'Review this session' }).getAttribute('href')) ?? '',
  )
  const reviewRows = ivy.getByRole('table', { name: 'Plan vs actual' }).locator('tbody tr')
  await expect(reviewRows).toHaveCount(6)
  const inReview = await rowText(reviewRows)
  expect(inReview[0]).toBe(inRoom[0])
  expect(inReview.slice(1)).toEqual(expected)
})
