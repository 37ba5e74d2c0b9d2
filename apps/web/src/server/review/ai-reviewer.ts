import {
  planClock as clock,
  recommendations,
  scoreLabels,
  type AiReview,
  type SessionRecord,
} from '@mockroom/session-model'
import { aiReviewAnswerSchema } from '../../contract/ai-review'
import { HttpError } from '../http/http-error'

export interface AiReviewerConfig {
  /** an OpenAI-compatible base URL, e.g. https://api.openai.com/v1 */
  url: string
  model: string
  apiKey: string | undefined
  timeoutMs: number
}

// a 45-minute transcript is ~40,000 characters; past this the oldest words are cut, not the answer
const MAX_TRANSCRIPT_CHARS = 60_000
// a reply larger than this is not a review of one session
const MAX_REPLY_BYTES = 256 * 1024

const SYSTEM = [
  'You review the written answer to a mock product-manager interview question.',
  'Judge the answer against the rubric: its structure, reasoning, trade-offs and metrics.',
  'Quote or point at the answer for every point. Never comment on the person: not their',
  'confidence, emotions, personality, accent or whether they should be hired.',
  'Reply with one JSON object only, no prose around it:',
  '{"summary": string, "strengths": string[], "improvements": string[],',
  ' "sections": [{"key": section key, "comment": string}]}',
].join(' ')

/** What is sent: the question, the rubric, the structured answer and the transcript text (never audio). */
export function aiReviewRequest(record: SessionRecord, model: string) {
  const origin = record.session.startedAt ?? record.session.createdAt
  let transcript = record.transcript
    .filter((l) => l.source !== 'note')
    .map((l) => `[${clock(l.startMs - origin)}] ${l.role}: ${l.text}`)
    .join('\n')
  if (transcript.length > MAX_TRANSCRIPT_CHARS) transcript = transcript.slice(-MAX_TRANSCRIPT_CHARS)
  const input = {
    question: record.question && {
      title: record.question.title,
      prompt: record.question.prompt,
      type: record.question.type,
    },
    rubric: {
      scale: scoreLabels,
      recommendations: recommendations.map((r) => r.label),
      sections: record.sections.map((s) => ({
        key: s.key,
        title: s.title,
        asks: s.prompt,
        minutes: s.minutes,
        spentMinutes: Math.round(s.spentMs / 6_000) / 10,
      })),
    },
    answer: {
      clarifyingQuestions: record.clarifyRows.map(({ question, why, answer, impact }) => ({
        question,
        why,
        answer,
        impact,
      })),
      sections: record.answer,
    },
    transcript: transcript || null,
  }
  return {
    model,
    temperature: 0.2,
    response_format: { type: 'json_object' },
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: JSON.stringify(input) },
    ],
  }
}

/** The model's JSON, validated; every way it can go wrong is a 502/504 with a message a person reads. */
export function parseAiReply(reply: unknown, model: string, now: number): AiReview {
  const content = (reply as { choices?: Array<{ message?: { content?: unknown } }> } | null)
    ?.choices?.[0]?.message?.content
  if (typeof content !== 'string')
    throw new HttpError(502, 'The AI reviewer answered without a message.')
  let json: unknown
  try {
    // some models wrap JSON in a Markdown fence even when asked not to
    json = JSON.parse(content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ''))
  } catch {
    throw new HttpError(
      502,
      'The AI reviewer did not answer with JSON. Nothing was saved; try again.',
    )
  }
  const parsed = aiReviewAnswerSchema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new HttpError(
      502,
      `The AI reviewer's answer is not a review (${first?.path.join('.') || 'body'}: ${first?.message ?? 'invalid'}). Nothing was saved.`,
    )
  }
  const { summary, strengths, improvements, sections } = parsed.data
  return {
    model,
    createdAt: now,
    summary,
    strengths,
    improvements,
    sections: Object.fromEntries(sections.filter((s) => s.comment).map((s) => [s.key, s.comment])),
    edited: false,
  }
}

/** One call, no retries (a retry is the interviewer's choice), bounded in time and size. */
export async function requestAiReview(
  config: AiReviewerConfig,
  record: SessionRecord,
  now: () => number = Date.now,
): Promise<AiReview> {
  const url = `${config.url.replace(/\/+$/, '')}/chat/completions`
  let res: Response
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
      },
      body: JSON.stringify(aiReviewRequest(record, config.model)),
      signal: AbortSignal.timeout(config.timeoutMs),
      redirect: 'error',
    })
  } catch (err) {
    if (err instanceof Error && err.name === 'TimeoutError')
      throw new HttpError(
        504,
        `The AI reviewer did not answer within ${Math.round(config.timeoutMs / 1000)} s. Try again later.`,
      )
    throw new HttpError(502, 'The AI reviewer could not be reached.')
  }
  if (!res.ok) {
    await res.body?.cancel()
    throw new HttpError(502, `The AI reviewer refused the request (HTTP ${res.status}).`)
  }
  const declared = Number(res.headers.get('content-length') ?? 0)
  if (declared > MAX_REPLY_BYTES) {
    await res.body?.cancel()
    throw new HttpError(502, 'The AI reviewer answered with too much text.')
  }
  let text: string
  try {
    text = await res.text()
  } catch (err) {
    if (err instanceof Error && err.name === 'TimeoutError')
      throw new HttpError(
        504,
        `The AI reviewer did not answer within ${Math.round(config.timeoutMs / 1000)} s. Try again later.`,
      )
    throw new HttpError(502, 'The AI reviewer’s answer was cut off.')
  }
  if (text.length > MAX_REPLY_BYTES)
    throw new HttpError(502, 'The AI reviewer answered with too much text.')
  let reply: unknown
  try {
    reply = JSON.parse(text)
  } catch {
    throw new HttpError(
      502,
      'The AI reviewer did not answer with JSON. Nothing was saved; try again.',
    )
  }
  return parseAiReply(reply, config.model, now())
}
