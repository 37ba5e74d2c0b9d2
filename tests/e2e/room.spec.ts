import { expect } from '@playwright/test'
import { test } from './browsers-fixture'
import { bankQuestions, createRoom, enterRoom, joinAs } from './room-kit'

test('interviewer, candidate and observer share one live answer that survives a reload', async ({
  page,
  browsers,
}) => {
  // the interviewer finds a question in the bank and opens a room from it
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Search questions' }).fill('Alipay international')
  await page
    .getByRole('link', { name: /Alipay/ })
    .first()
    .click()
  // interview mode is the default; practice is the other choice
  await expect(
    page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Interview' }),
  ).toBeChecked()
  await page.getByRole('button', { name: 'Start a mock interview' }).click()
  await expect(page.getByText(/send this one to your candidate/i)).toBeVisible()
  const candidateLink = await page.getByRole('textbox', { name: 'Candidate link' }).inputValue()
  const observerLink = await page.getByRole('textbox', { name: 'Observer link' }).inputValue()
  expect(candidateLink).toMatch(/\/join\/[A-Za-z0-9_-]{32}$/)
  // it opens a new tab (layout.spec.ts); this test just follows it here
  const openRoom = page.getByRole('link', { name: 'Open interviewer room' })
  await expect(openRoom).toHaveAttribute('target', '_blank')
  await page.goto((await openRoom.getAttribute('href')) ?? '')
  await page.getByLabel('Your name').fill('Ivy Interviewer')
  await page.getByRole('button', { name: 'Join' }).click()
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Synced')

  const candidate = await joinAs(browsers, candidateLink, 'Cody Candidate')

  // nothing to write into until the interviewer reveals the question
  await expect(
    candidate.getByRole('status').filter({ hasText: 'Waiting for the interviewer' }),
  ).toBeVisible()
  await expect(candidate.getByRole('textbox', { name: 'Clarify', exact: true })).toHaveCount(0)
  await page.getByRole('button', { name: 'Reveal question' }).click()
  await expect(candidate.getByRole('heading', { name: /Alipay/ })).toBeVisible()

  // candidate -> interviewer
  await candidate.getByRole('textbox', { name: 'Clarify', exact: true }).click()
  await candidate.keyboard.type('Are we focused on travellers to China?')
  await expect(page.getByRole('textbox', { name: 'Clarify', exact: true })).toContainText(
    'Are we focused on travellers to China?',
  )
  // interviewer -> candidate
  await page.getByRole('textbox', { name: 'Segments', exact: true }).click()
  await page.keyboard.type('Yes, inbound tourists first.')
  await expect(candidate.getByRole('textbox', { name: 'Segments', exact: true })).toContainText(
    'Yes, inbound tourists first.',
  )

  // the observer sees both live and cannot type
  const observer = await joinAs(browsers, observerLink, 'Olga Observer')
  const observed = observer.getByRole('textbox', { name: 'Clarify', exact: true })
  await expect(observed).toContainText('Are we focused on travellers to China?')
  await expect(observer.getByRole('textbox', { name: 'Segments', exact: true })).toContainText(
    'inbound tourists',
  )
  await expect(observed).toHaveAttribute('contenteditable', 'false')
  await observed.click()
  await observer.keyboard.type('observer typing')
  await candidate.getByRole('textbox', { name: 'Clarify', exact: true }).press('End')
  await candidate.keyboard.type(' Also card holders.')
  await expect(observed).toContainText('Also card holders.')
  await expect(page.getByRole('textbox', { name: 'Clarify', exact: true })).not.toContainText(
    'observer typing',
  )

  // presence lists all three
  const people = page.getByRole('region', { name: 'People in the room' })
  await expect(people).toContainText('Cody Candidate')
  await expect(people).toContainText('Olga Observer')

  // a reload keeps everything
  await candidate.reload()
  await expect(candidate.getByRole('status', { name: 'Connection' })).toHaveText('Synced')
  await expect(candidate.getByRole('textbox', { name: 'Clarify', exact: true })).toContainText(
    'Also card holders.',
  )
  await expect(candidate.getByRole('textbox', { name: 'Segments', exact: true })).toContainText(
    'inbound tourists',
  )
})

test('an unknown link shows a clear invalid-link page', async ({ page }) => {
  const response = await page.goto('/join/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible()
  await page.goto('/join/not-even-the-right-shape')
  await expect(page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible()
})

test('a refused session token is renewed with POST /api/token, not a second join', async ({
  browsers,
  request,
}) => {
  const [question] = await bankQuestions(request)
  const room = await createRoom(request, question?.id ?? '')
  const page = await (await browsers.newContext()).newPage()
  let joins = 0
  let refreshes = 0
  await page.route('**/api/join', async (route) => {
    joins++
    const response = await route.fetch()
    const body = (await response.json()) as { token: string }
    // a token the sync server cannot verify: it closes with 4401 and the room asks for a new one
    await route.fulfill({ response, json: { ...body, token: `${body.token}x` } })
  })
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/token') refreshes++
  })
  await page.goto(room.links.candidate)
  await enterRoom(page, 'Cody Candidate')
  expect(joins).toBe(1)
  expect(refreshes).toBeGreaterThanOrEqual(1)
})
