import type { AiReview, SessionRecord } from '@mockroom/session-model'
import type { WebEnv } from '../../env'
import { HttpError } from '../http/http-error'
import { requestAiReview, type AiReviewerConfig } from './ai-reviewer'

/** The AI reviewer this deployment configured, or null: then the feature does not exist. */
export function aiReviewerConfig(env: WebEnv): AiReviewerConfig | null {
  if (!env.AI_REVIEW_URL) return null
  return {
    url: env.AI_REVIEW_URL,
    model: env.AI_REVIEW_MODEL,
    apiKey: env.AI_REVIEW_API_KEY,
    timeoutMs: env.AI_REVIEW_TIMEOUT_MS,
  }
}

// One call per session at a time on this instance: a second click while the first is out would
// pay twice for the same answer (the rate limit bounds it across instances).
const inFlight = new Set<string>()

export async function askAiReviewer(
  config: AiReviewerConfig,
  sessionId: string,
  record: SessionRecord,
): Promise<AiReview> {
  if (inFlight.has(sessionId))
    throw new HttpError(409, 'an AI review of this session is already being written')
  inFlight.add(sessionId)
  try {
    return await requestAiReview(config, record)
  } finally {
    inFlight.delete(sessionId)
  }
}
