import { expect, type Locator, type Page } from '@playwright/test'
import { test } from './browsers-fixture'
import { bankQuestions, createRoom, joinAs } from './room-kit'

// What must be in view without scrolling: the start button, whole links, and in the interviewer's
// room the timer, the current section, notes with its rubric row and the people; on a phone the
// current section and clock stay pinned on top. Screenshots land in test-results/ for a look.

const laptop = { width: 1280, height: 800 }
const phone = { width: 390, height: 844 }

/** fully inside the viewport, without scrolling the page */
async function expectFullyInView(page: Page, locator: Locator) {
  const box = await locator.boundingBox()
  expect(box, 'element is rendered').not.toBeNull()
  const { width, height } = page.viewportSize() ?? laptop
  const b = box ?? { x: 0, y: 0, width: 0, height: 0 }
  expect(b.y).toBeGreaterThanOrEqual(0)
  expect(b.y + b.height).toBeLessThanOrEqual(height)
  expect(b.x + b.width).toBeLessThanOrEqual(width)
}

/** what a browser does on Ctrl+V with `text` on the clipboard */
async function paste(editor: Locator, text: string) {
  await editor.evaluate((el, t) => {
    const data = new DataTransfer()
    data.setData('text/plain', t)
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }, text)
}

test('question page: start in view, links shown whole, the room opens in a new tab', async ({
  browsers,
  request,
}) => {
  const [question] = await bankQuestions(request)
  const page = await (await browsers.newContext({ viewport: laptop })).newPage()
  await page.goto(`/questions/${question?.id ?? ''}`)
  const start = page.getByRole('button', { name: 'Start a mock interview' })
  await expectFullyInView(page, start)
  await start.click()
  for (const name of ['Candidate link', 'Observer link', 'Interviewer link']) {
    const field = page.getByRole('textbox', { name })
    await expect(field).toHaveValue(/\/join\//)
    // nothing of the link is cut off or scrolled away inside its field
    const clipped = await field.evaluate(
      (el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight,
    )
    expect(clipped, name).toBe(false)
  }
  const popup = page.waitForEvent('popup')
  await page.getByRole('link', { name: 'Open interviewer room' }).click()
  const room = await popup
  await expect(room.getByLabel('Your name')).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Candidate link' })).toBeVisible()
})

test('interviewer room: timer, section, notes, rubric row and people in view', async ({
  browsers,
  request,
}, testInfo) => {
  const [question] = (await bankQuestions(request)).filter((q) => q.type === 'product-improvement')
  const room = await createRoom(request, question?.id ?? '')
  const ivyContext = await browsers.newContext({ viewport: laptop })
  const ivy = await ivyContext.newPage()
  await ivy.goto(room.links.interviewer)
  await ivy.getByLabel('Your name').fill('Ivy Interviewer')
  await ivy.getByRole('button', { name: 'Join' }).click()
  const cody = await joinAs(browsers, room.links.candidate, 'Cody Candidate')
  await joinAs(browsers, room.links.observer, 'Olga Observer')
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await ivy.getByRole('button', { name: 'Start interview' }).click()
  await cody.getByRole('textbox', { name: 'Clarify', exact: true }).click()
  await cody.keyboard.type('Who pays today?')
  // no LiveKit server in this run: the call panel shows its offline state, which must not push
  // the timer, notes or people out of view
  await expect(ivy.getByText("Audio offline — can't reach the call server")).toBeVisible()
  const people = ivy.getByRole('region', { name: 'People in the room' })
  await expect(people).toContainText('Olga Observer')

  await ivy.evaluate(() => window.scrollTo(0, 0))
  for (const locator of [
    ivy.getByRole('timer', { name: 'Section timer' }),
    ivy.getByText('Current section:'),
    ivy.getByRole('region', { name: 'Clarify' }).getByRole('textbox', { name: 'Clarify' }),
    ivy.getByRole('textbox', { name: 'Interviewer notes' }),
    ivy.getByRole('combobox', { name: 'Score for Clarify' }),
    ivy.getByRole('textbox', { name: 'Comment on Clarify' }),
    people.getByText('Ivy Interviewer (you)', { exact: true }),
    people.getByText('Cody Candidate', { exact: true }),
    people.getByText('Olga Observer', { exact: true }),
  ])
    await expectFullyInView(ivy, locator)
  await ivy.screenshot({ path: testInfo.outputPath('room-1280x800.png') })

  // the rubric row follows the current section
  await ivy.getByRole('button', { name: 'Next section' }).click()
  await expect(ivy.getByRole('combobox', { name: 'Score for Segments' })).toBeVisible()

  // phone: the current section and its clock stay on top while the answer scrolls
  await ivy.setViewportSize(phone)
  await ivy.evaluate(() => window.scrollTo(0, 1500))
  const bar = ivy.getByRole('region', { name: 'Current section and time' })
  await expect(bar).toContainText('Segments')
  await expectFullyInView(ivy, ivy.getByRole('timer', { name: 'Time left in this section' }))
  await ivy.evaluate(() => window.scrollTo(0, 0))
  await ivy.screenshot({ path: testInfo.outputPath('room-390x844.png') })
})

test('a very long paste scrolls inside its section; one past the limit is refused', async ({
  browsers,
  request,
}) => {
  const [question] = (await bankQuestions(request)).filter((q) => q.type === 'product-improvement')
  const room = await createRoom(request, question?.id ?? '')
  const ivy = await joinAs(browsers, room.links.interviewer, 'Ivy Interviewer')
  const cody = await joinAs(browsers, room.links.candidate, 'Cody Candidate')
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  const clarify = cody.getByRole('textbox', { name: 'Clarify', exact: true })
  await clarify.click()
  await cody.keyboard.type('Typed first. ')
  const line = 'A long pasted line about segments and their pains. '
  await paste(clarify, line.repeat(300)) // 15,600 characters
  await expect(clarify).toContainText(line)
  const box = await clarify.boundingBox()
  expect(box?.height ?? 0).toBeLessThan(500) // ~15,000 characters scroll inside the section

  await paste(clarify, 'z'.repeat(8_000)) // would make it 23,613
  const refusal = cody.getByRole('alert').filter({ hasText: 'Not added' })
  await expect(refusal).toContainText('Clarify holds up to 20,000 characters')
  const text = (await clarify.textContent()) ?? ''
  expect(text).toContain('Typed first.')
  expect(text).not.toContain('zzzz')
  expect(text.length).toBeLessThanOrEqual(20_000)
  // the interviewer sees the same text: nothing was half-applied
  await expect(ivy.getByRole('textbox', { name: 'Clarify', exact: true })).toContainText(
    'Typed first.',
  )
})

test('the sessions list fits a phone without sideways scrolling', async ({ browsers, request }) => {
  const [question] = await bankQuestions(request)
  const room = await createRoom(request, question?.id ?? '')
  const context = await browsers.newContext({ viewport: phone })
  const page = await context.newPage()
  await page.goto(room.links.candidate)
  await page.getByLabel('Your name').fill('Cody Candidate with a rather long name')
  await page.getByRole('button', { name: 'Join' }).click()
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Synced')
  await page.getByRole('link', { name: 'Sessions' }).click()
  await expect(page.getByRole('link', { name: /Rejoin/ })).toBeVisible()
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
})
