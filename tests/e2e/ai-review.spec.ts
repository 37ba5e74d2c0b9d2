import { expect, type Page } from '@playwright/test'
import { startFakeOpenAi, type FakeOpenAi } from '@mockroom/test-support/fake-openai'
import { startAppServer, type AppServer } from './app-server-kit'
import { test } from './browsers-fixture'
import { enterRoom } from './room-kit'

// The optional AI reviewer, on an app whose AI_REVIEW_URL points at a fake OpenAI-compatible
// server on 127.0.0.1: a malformed answer and a timeout are readable errors that save nothing; a
// good answer is labelled, editable, and reaches the candidate only with the shared feedback.
// (The shared e2e server has no AI reviewer: checks.spec.ts sees no button there.)

let fake: FakeOpenAi
let app: AppServer
test.beforeAll(async () => {
  fake = await startFakeOpenAi()
  app = await startAppServer({
    AI_REVIEW_URL: fake.url,
    AI_REVIEW_MODEL: 'fake-reviewer',
    AI_REVIEW_API_KEY: 'sk-e2e-secret',
    AI_REVIEW_TIMEOUT_MS: '2000',
  })
})
test.afterAll(async () => {
  await app?.stop()
  await fake?.close()
})

const good = {
  summary: 'Clear segments; the metrics have no guardrail.',
  strengths: ['Picked commuters with a reason.'],
  improvements: ['Name a guardrail metric.'],
  sections: [{ key: 'metrics', comment: 'Add a guardrail.' }],
}

test('ask, fail readably, edit, share: the candidate sees it labelled as AI-generated', async ({
  browsers,
}) => {
  const ivyContext = await browsers.newContext()
  const ivy = await ivyContext.newPage()
  const bank = (await (await ivy.request.get(`${app.origin}/api/questions`)).json()) as {
    questions: Array<{ id: string; type: string }>
  }
  const questionId = bank.questions.find((q) => q.type === 'product-improvement')?.id
  const res = await ivy.request.post(`${app.origin}/api/rooms`, {
    data: { questionId, mode: 'interview' },
  })
  expect(res.status()).toBe(201)
  const { links } = (await res.json()) as { links: Record<'interviewer' | 'candidate', string> }
  await ivy.goto(links.interviewer)
  await enterRoom(ivy, 'Ivy Interviewer')
  const cody: Page = await (await browsers.newContext()).newPage()
  await cody.goto(links.candidate)
  await enterRoom(cody, 'Cody Candidate')
  await ivy.getByRole('button', { name: 'Reveal question' }).click()
  await ivy.getByRole('button', { name: 'Start interview' }).click()
  await cody.getByRole('textbox', { name: 'Clarify', exact: true }).click()
  await cody.keyboard.type('Is the goal more riders?')
  await expect(ivy.getByRole('textbox', { name: 'Clarify', exact: true })).toContainText('riders')

  await ivy.getByRole('button', { name: 'End interview' }).click()
  await ivy.getByRole('button', { name: 'Yes, end the interview' }).click()
  const reviewHref =
    (await cody.getByRole('link', { name: 'Review this session' }).getAttribute('href')) ?? ''

  const panel = ivy.getByRole('region', { name: 'AI review' })
  const ask = panel.getByRole('button', { name: 'Ask the AI reviewer' })
  fake.reply = 'Here is my review: {summary: fine'
  await ask.click()
  await expect(panel.getByRole('alert')).toContainText(
    'The AI reviewer did not answer with JSON. Nothing was saved; try again.',
  )
  fake.reply = 'hang'
  await ask.click()
  await expect(panel.getByRole('alert')).toContainText(
    'The AI reviewer did not answer within 2 s. Try again later.',
  )
  // what went out: question, rubric, answer and transcript text, with the key, and nothing else
  const sent = fake.requests.at(-1)
  expect(sent?.authorization).toBe('Bearer sk-e2e-secret')
  expect(JSON.stringify(sent?.body)).toContain('Is the goal more riders?')

  fake.reply = JSON.stringify(good)
  await ask.click()
  await expect(panel).toContainText('AI-generated, may be wrong · fake-reviewer')
  const summary = panel.getByRole('textbox', { name: 'AI summary' })
  await expect(summary).toHaveValue(good.summary)
  await summary.fill('Clear segments. Add a guardrail such as refund rate.')
  await expect(panel).toContainText('· edited')
  // the key never reaches a browser
  expect(await ivy.content()).not.toContain('sk-e2e-secret')

  // the candidate cannot ask, and sees nothing of it before the share
  const candidateAsk = await cody.request.post(`${app.origin}/api${reviewHref}/ai-review`)
  expect(candidateAsk.status()).toBe(403)
  await expect(cody.getByRole('region', { name: 'AI review' })).toHaveCount(0)

  // the sync server refuses a share without the overall call
  await ivy.getByRole('combobox', { name: 'Recommendation' }).selectOption('yes')
  await ivy.getByRole('button', { name: 'Share feedback' }).click()
  const shared = cody.getByRole('region', { name: 'AI review' })
  await expect(shared).toContainText('AI-generated, may be wrong')
  await expect(shared).toContainText('Add a guardrail such as refund rate.')
  await expect(shared).toContainText('edited by the interviewer')
  // and in the candidate's review
  await cody.goto(`${app.origin}${reviewHref}`)
  await expect(cody.getByRole('region', { name: 'AI review' })).toContainText(
    'Add a guardrail such as refund rate.',
  )
})
