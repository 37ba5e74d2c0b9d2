import type { AiReview } from '@mockroom/session-model'
import { aiReviewAvailabilitySchema, aiReviewResponseSchema } from '../../contract/ai-review'
import { apiErrorFrom, readBody } from '../../lib/api-error'
import { identityStorage } from '../../lib/identity-storage'

const path = (capability: string, sessionId: string) =>
  `/api/review/${encodeURIComponent(capability)}/${encodeURIComponent(sessionId)}/ai-review`

/** The deployment's AI reviewer's model, or null when there is none (or this is not the interviewer). */
export async function aiReviewerModel(
  capability: string,
  sessionId: string,
  signal?: AbortSignal,
): Promise<string | null> {
  const res = await fetch(path(capability, sessionId), {
    cache: 'no-store',
    signal,
    headers: identityStorage.proofHeaders(capability),
  })
  if (!res.ok) return null
  return (await readBody(res, aiReviewAvailabilitySchema)).model
}

export async function askAiReviewer(capability: string, sessionId: string): Promise<AiReview> {
  const res = await fetch(path(capability, sessionId), {
    method: 'POST',
    cache: 'no-store',
    headers: identityStorage.proofHeaders(capability),
  })
  if (!res.ok) throw await apiErrorFrom(res, 'The AI reviewer could not be asked.')
  return (await readBody(res, aiReviewResponseSchema)).review
}
