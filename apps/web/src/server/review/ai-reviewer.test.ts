import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeRecord } from '@mockroom/session-model/test/record-fixture'
import { startFakeOpenAi, type FakeOpenAi } from '@mockroom/test-support/fake-openai'
import { readEnv } from '../../env'
import { HttpError } from '../http/http-error'
import { aiReviewerConfig } from './ai-review-service'
import { requestAiReview, type AiReviewerConfig } from './ai-reviewer'

let fake: FakeOpenAi
let config: AiReviewerConfig
beforeEach(async () => {
  fake = await startFakeOpenAi()
  config = { url: fake.url, model: 'test-model', apiKey: 'sk-test', timeoutMs: 1_000 }
})
afterEach(() => fake.close())

const record = makeRecord({
  answer: { metrics: 'Tickets sold per week.' },
  transcript: [
    {
      speakerId: 'c',
      name: 'Cody',
      role: 'candidate',
      startMs: 60_000,
      endMs: 65_000,
      text: 'I would focus on commuters.',
      source: 'server',
    },
  ],
})

const good = {
  summary: 'A clear structure; the metrics lack a guardrail.',
  strengths: ['Chose one segment with a reason.'],
  improvements: ['Name a guardrail metric.'],
  sections: [{ key: 'metrics', comment: 'No guardrail.' }],
}

async function refusal(p: Promise<unknown>): Promise<HttpError> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(err instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(err)}`)
  return err
}

describe('the AI reviewer, against a fake OpenAI-compatible server', () => {
  it('sends the question, rubric, answer and transcript text, and returns the validated review', async () => {
    fake.reply = JSON.stringify(good)
    const review = await requestAiReview(config, record, () => 42)
    expect(review).toEqual({
      model: 'test-model',
      createdAt: 42,
      summary: good.summary,
      strengths: good.strengths,
      improvements: good.improvements,
      sections: { metrics: 'No guardrail.' },
      edited: false,
    })
    const [sent] = fake.requests
    expect(sent?.path).toBe('/v1/chat/completions')
    expect(sent?.authorization).toBe('Bearer sk-test')
    const body = sent?.body as { model: string; messages: Array<{ role: string; content: string }> }
    expect(body.model).toBe('test-model')
    const input = JSON.parse(body.messages[1]?.content ?? '{}') as Record<string, unknown>
    expect(Object.keys(input)).toEqual(['question', 'rubric', 'answer', 'transcript'])
    expect(input.transcript).toBe('[1:00] candidate: I would focus on commuters.')
    expect(JSON.stringify(input.answer)).toContain('Tickets sold per week.')
    // the system prompt keeps the reviewer off the person
    expect(body.messages[0]?.content).toMatch(/Never comment on the person/)
  })

  it('accepts JSON wrapped in a Markdown fence', async () => {
    fake.reply = '```json\n' + JSON.stringify(good) + '\n```'
    expect((await requestAiReview(config, record)).summary).toBe(good.summary)
  })

  it('refuses malformed JSON with a 502 and a message a person reads', async () => {
    fake.reply = 'Sure! Here is my review: {summary: great'
    const err = await refusal(requestAiReview(config, record))
    expect(err.status).toBe(502)
    expect(err.message).toBe(
      'The AI reviewer did not answer with JSON. Nothing was saved; try again.',
    )
  })

  it('refuses JSON that is not a review (wrong shape) with a 502 naming the field', async () => {
    fake.reply = JSON.stringify({ ...good, strengths: 'all of it' })
    const err = await refusal(requestAiReview(config, record))
    expect(err.status).toBe(502)
    expect(err.message).toMatch(/^The AI reviewer's answer is not a review \(strengths:/)
  })

  it('gives up after the timeout with a 504, once (no retries)', async () => {
    fake.reply = 'hang'
    const err = await refusal(requestAiReview(config, record))
    expect(err.status).toBe(504)
    expect(err.message).toBe('The AI reviewer did not answer within 1 s. Try again later.')
    expect(fake.requests).toHaveLength(1)
  })
})

describe('configuration', () => {
  it('is absent without AI_REVIEW_URL, present with it; the key stays on the server', () => {
    expect(aiReviewerConfig(readEnv({}))).toBeNull()
    const on = aiReviewerConfig(
      readEnv({ AI_REVIEW_URL: 'http://127.0.0.1:9/v1', AI_REVIEW_API_KEY: 'sk-x' }),
    )
    expect(on).toMatchObject({ url: 'http://127.0.0.1:9/v1', apiKey: 'sk-x', timeoutMs: 60_000 })
  })
})
