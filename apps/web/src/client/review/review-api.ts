import type { SessionRecord, SessionSummary } from '@mockroom/answer-doc'
import { ApiError, apiErrorFrom, isRecord } from '../api-error'
import { identityStorage } from '../identity-storage'

/** One session of a room as GET /api/review/<capability> lists it. */
export type ReviewListEntry = SessionSummary

const unexpected = (status: number) =>
  new ApiError('The server sent an unexpected answer. Please try again.', status)
const nullableNumber = (v: unknown) => v === null || typeof v === 'number'

function isEntry(v: unknown): v is ReviewListEntry {
  return (
    isRecord(v) &&
    typeof v.sessionId === 'string' &&
    typeof v.round === 'number' &&
    typeof v.role === 'string' &&
    (v.questionTitle === null || typeof v.questionTitle === 'string') &&
    typeof v.createdAt === 'number' &&
    nullableNumber(v.startedAt) &&
    nullableNumber(v.endedAt) &&
    Array.isArray(v.participants)
  )
}

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
  const body: unknown = await res.json()
  if (!isRecord(body) || !Array.isArray(body.sessions)) throw unexpected(res.status)
  return body.sessions.filter(isEntry)
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
  const body: unknown = await res.json()
  // shallow: the record comes from our own API, we only refuse to render something else
  if (
    !isRecord(body) ||
    body.schema !== 'mockroom.session/1' ||
    !isRecord(body.session) ||
    !Array.isArray(body.sections) ||
    !Array.isArray(body.transcript) ||
    !Array.isArray(body.answerUpdates)
  )
    throw unexpected(res.status)
  return body as unknown as SessionRecord
}
