import { apiErrorFrom, ApiError } from './api-error'
import { isJoinResult, type JoinResult } from './join-result'

export interface JoinRequest {
  capability: string
  name: string
  /** the same id again refreshes the token for the same person instead of adding a new one */
  participantId?: string
}

export async function joinRoom(request: JoinRequest): Promise<JoinResult> {
  const res = await fetch('/api/join', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  })
  if (!res.ok) {
    const fallback =
      res.status === 404
        ? 'This link is not valid any more. Ask the interviewer for a new one.'
        : 'Joining failed. Please try again.'
    throw await apiErrorFrom(res, fallback)
  }
  const body: unknown = await res.json()
  if (!isJoinResult(body)) {
    throw new ApiError('The server sent an unexpected answer. Please try again.', res.status)
  }
  return body
}
