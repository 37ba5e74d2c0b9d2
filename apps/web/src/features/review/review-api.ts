import type { SessionRecord, SessionSummary, TranscriptionStatus } from '@mockroom/session-model'
import {
  reviewListResponseSchema,
  sessionRecordSchema,
  transcriptionStatusSchema,
} from '../../contract/review'
import { apiErrorFrom, readBody } from '../../lib/api-error'
import { identityStorage } from '../../lib/identity-storage'

/** One session of a room as GET /api/review/<capability> lists it. */
export type ReviewListEntry = SessionSummary

const reviewPath = (capability: string) => `/api/review/${encodeURIComponent(capability)}`

/** The sessions a link can review, or null when the link is unknown (404). */
export async function fetchReviewList(
  capability: string,
  signal?: AbortSignal,
): Promise<ReviewListEntry[] | null> {
  const res = await fetch(reviewPath(capability), {
    cache: 'no-store',
    signal,
    headers: identityStorage.proofHeaders(capability),
  })
  if (res.status === 404) return null
  if (!res.ok) throw await apiErrorFrom(res, 'The sessions could not be loaded.')
  return (await readBody(res, reviewListResponseSchema)).sessions
}

/** One session's record as this link's role in that round may see it; null on 404. */
export async function fetchSessionRecord(
  capability: string,
  sessionId: string,
  signal?: AbortSignal,
): Promise<SessionRecord | null> {
  const url = `${reviewPath(capability)}/${encodeURIComponent(sessionId)}`
  const res = await fetch(url, {
    cache: 'no-store',
    signal,
    headers: identityStorage.proofHeaders(capability),
  })
  if (res.status === 404) return null
  if (!res.ok) throw await apiErrorFrom(res, 'The session could not be loaded.')
  return readBody(res, sessionRecordSchema)
}

/** Where the server's transcription of the session's recordings stands; null on 404. */
export async function fetchTranscriptionStatus(
  capability: string,
  sessionId: string,
  signal?: AbortSignal,
): Promise<TranscriptionStatus | null> {
  const url = `${reviewPath(capability)}/${encodeURIComponent(sessionId)}/transcription`
  const res = await fetch(url, {
    cache: 'no-store',
    signal,
    headers: identityStorage.proofHeaders(capability),
  })
  if (res.status === 404) return null
  if (!res.ok) throw await apiErrorFrom(res, 'The transcription status could not be loaded.')
  return readBody(res, transcriptionStatusSchema)
}
