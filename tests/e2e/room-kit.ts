import { expect, type APIRequestContext, type Page } from '@playwright/test'
import type { Browsers } from './browsers-fixture'

// Shared steps of the e2e specs: rooms are made through the API, people join through the lobby.

export interface BankQuestion {
  id: string
  title: string
  type: string
}

export interface CreatedRoom {
  links: Record<'interviewer' | 'candidate' | 'observer', string>
}

export async function bankQuestions(request: APIRequestContext): Promise<BankQuestion[]> {
  const res = await request.get('/api/questions')
  return ((await res.json()) as { questions: BankQuestion[] }).questions
}

export async function createRoom(
  request: APIRequestContext,
  questionId: string,
  mode: 'interview' | 'practice' = 'interview',
): Promise<CreatedRoom> {
  const res = await request.post('/api/rooms', { data: { questionId, mode } })
  expect(res.status()).toBe(201)
  return (await res.json()) as CreatedRoom
}

/** From the lobby into the room: a name, Join, and wait until the answer is synced. */
export async function enterRoom(page: Page, name: string): Promise<void> {
  await page.getByLabel('Your name').fill(name)
  await page.getByRole('button', { name: 'Join' }).click()
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Synced')
}

/** A new person: their own browser context (with an optional init script), the link, the lobby. */
export async function joinAs(
  browsers: Browsers,
  link: string,
  name: string,
  initScript?: string,
): Promise<Page> {
  const context = await browsers.newContext()
  if (initScript) await context.addInitScript({ content: initScript })
  const page = await context.newPage()
  await page.goto(link)
  await enterRoom(page, name)
  return page
}

/**
 * The usual opening: a room on a product-improvement question, Ivy interviewing and Cody as the
 * candidate in their own browsers, the question revealed and the interview started.
 */
export async function startedInterview(browsers: Browsers, request: APIRequestContext) {
  const [question] = (await bankQuestions(request)).filter((q) => q.type === 'product-improvement')
  const room = await createRoom(request, question?.id ?? '')
  const ivy = await joinAs(browsers, room.links.interviewer, 'Ivy Interviewer')
  const cody = await joinAs(browsers, room.links.candidate, 'Cody Candidate')
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await ivy.getByRole('button', { name: 'Start interview' }).click()
  return { room, ivy, cody }
}
