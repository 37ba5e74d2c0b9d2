import { readFile } from 'node:fs/promises'
import { expect, type Page } from '@playwright/test'
import { test } from './browsers-fixture'
import { startedInterview } from './room-kit'

// Clarify as rows: the candidate adds rows with the keyboard, both sides see each other's text
// live, the interviewer answers a row from one hint (the candidate sees that hint and no other),
// and the review replays the rows and exports them as a Markdown table.

const row = (page: Page, n: number) => page.getByRole('group', { name: `Clarifying question ${n}` })
const field = (page: Page, n: number, name: string) =>
  row(page, n).getByRole('textbox', { name, exact: true })

test('clarifying rows are co-edited, answered from a hint, replayed and exported', async ({
  browsers,
  request,
}) => {
  const { ivy, cody } = await startedInterview(browsers, request)

  // the interviewer reads the hints; the candidate's page holds none of them
  await ivy.getByText('Hints for the interviewer').click()
  const hints = await ivy.locator('.hints li').allTextContents()
  expect(hints.length).toBeGreaterThanOrEqual(2)
  const [firstHint = '', secondHint = ''] = hints

  await cody.getByRole('button', { name: 'Add clarifying question' }).click()
  await expect(field(cody, 1, 'Question')).toBeFocused()
  await cody.keyboard.type('Which markets count as international?')
  // Tab moves through the fields of the row
  await cody.keyboard.press('Tab')
  await expect(field(cody, 1, 'Why it matters')).toBeFocused()
  await cody.keyboard.type('It sets | the segments')
  await cody.keyboard.press('Tab')
  await cody.keyboard.press('Tab')
  await expect(field(cody, 1, 'Impact on approach')).toBeFocused()
  await cody.keyboard.type('Focus on travellers first')
  // Enter adds the next row and moves to its question
  await cody.keyboard.press('Enter')
  await expect(field(cody, 2, 'Question')).toBeFocused()
  await cody.keyboard.type('Is there a deadline?')

  // live on the interviewer's side, and the interviewer's edits live on the candidate's
  await expect(field(ivy, 1, 'Question')).toHaveValue('Which markets count as international?')
  await expect(field(ivy, 2, 'Question')).toHaveValue('Is there a deadline?')
  await field(ivy, 2, 'Why it matters').fill('Scope of the first version')
  await expect(field(cody, 2, 'Why it matters')).toHaveValue('Scope of the first version')

  // the interviewer answers row 1 from the second hint: exactly that text reaches the candidate
  await expect(
    cody.getByRole('combobox', { name: 'Answer clarifying question 1 from a hint' }),
  ).toHaveCount(0)
  await ivy
    .getByRole('combobox', { name: 'Answer clarifying question 1 from a hint' })
    .selectOption('1')
  await expect(field(cody, 1, 'Answer or assumption')).toHaveValue(secondHint)
  await expect(row(cody, 1)).toContainText('Answered from hint 2')
  expect(await cody.content()).not.toContain(firstHint)

  // the coverage panel states the structure as a suggestion
  await ivy.getByText(/^Coverage: \d+ of \d+ ticked$/).click()
  await expect(ivy.getByRole('group', { name: 'Covered in Clarify' })).toContainText(
    'the answer has 2 clarifying questions, 1 without an answer or assumption, 1 without an impact on the approach',
  )

  await ivy.getByRole('button', { name: 'End interview' }).click()
  await ivy.getByRole('button', { name: 'Yes, end the interview' }).click()
  await expect(field(cody, 1, 'Question')).toHaveAttribute('readonly', '')
  const href =
    (await ivy.getByRole('link', { name: 'Review this session' }).getAttribute('href')) ?? ''
  await ivy.goto(href)

  // the replay shows the rows as they stood: at the end both rows, at the start none
  const replay = ivy.getByRole('region', { name: 'Answer at this moment' })
  const table = replay.getByRole('table', { name: 'Clarifying questions' })
  await expect(table.getByRole('row')).toHaveCount(3) // header + two rows
  await expect(table).toContainText(secondHint)
  await ivy.getByRole('slider', { name: 'Timeline' }).press('Home')
  await expect(replay.getByRole('table', { name: 'Clarifying questions' })).toHaveCount(0)

  const download = ivy.waitForEvent('download')
  await ivy.getByRole('button', { name: 'Download Markdown' }).click()
  const markdown = await readFile((await (await download).path()) ?? '', 'utf8')
  expect(markdown).toContain(
    '| # | Question | Why it matters | Answer or assumption | Impact on approach |',
  )
  expect(markdown).toContain(
    `| 1 | Which markets count as international? | It sets \\| the segments | ${secondHint} (from a hint) | Focus on travellers first |`,
  )
  expect(markdown).toContain('| 2 | Is there a deadline? | Scope of the first version |  |  |')
  const jsonFile = ivy.waitForEvent('download')
  await ivy.getByRole('button', { name: 'Download JSON' }).click()
  const json = JSON.parse(await readFile((await (await jsonFile).path()) ?? '', 'utf8')) as {
    clarifyRows: Array<Record<string, unknown>>
  }
  expect(json.clarifyRows).toMatchObject([
    {
      question: 'Which markets count as international?',
      why: 'It sets | the segments',
      answer: secondHint,
      impact: 'Focus on travellers first',
      answeredFromHint: 1,
    },
    { question: 'Is there a deadline?', why: 'Scope of the first version', answer: '', impact: '' },
  ])
})
