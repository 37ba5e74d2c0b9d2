import { apiErrorFrom, ApiError, isRecord } from './api-error'
import { CloseCode, closeRules } from '@mockroom/protocol'
import { parseJoinResult, type JoinResult } from './join-result'

export interface JoinRequest {
  capability: string
  name: string
  /** the same id again refreshes the token for the same person instead of adding a new one */
  participantId?: string
  /** proves participantId; the server ignores an id without it */
  participantKey?: string
}

// The server's clock at the midpoint of the request, minus ours: section timers count in server
// time, so two browsers agree even when one machine's clock is minutes off.
function clockOffset(body: unknown, sentAt: number, receivedAt: number): number {
  if (!isRecord(body) || typeof body.serverNow !== 'number') return 0
  return body.serverNow - (sentAt + receivedAt) / 2
}

export async function joinRoom(request: JoinRequest): Promise<JoinResult> {
  const sentAt = Date.now()
  const res = await fetch('/api/join', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    cache: 'no-store',
  })
  // serverNow is taken when the answer is written, before its body travels: time it here
  const receivedAt = Date.now()
  // the same words as the 4410 close, whatever the API phrased
  if (res.status === 403) throw new ApiError(closeRules[CloseCode.removed].message, 403)
  if (!res.ok) {
    const fallback =
      res.status === 404
        ? 'This link is not valid any more. Ask the interviewer for a new one.'
        : 'Joining failed. Please try again.'
    throw await apiErrorFrom(res, fallback)
  }
  const body: unknown = await res.json()
  const result = parseJoinResult(body, clockOffset(body, sentAt, receivedAt))
  if (!result) {
    throw new ApiError('The server sent an unexpected answer. Please try again.', res.status)
  }
  return result
}
