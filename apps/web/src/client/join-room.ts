import { CloseCode, closeRules } from '@mockroom/protocol'
import { joinResponseSchema, type JoinRequest, type JoinResponse } from '../contract/join'
import { apiErrorFrom, ApiError, readBody } from './api-error'

/** What the room works with: the join API's answer plus the clock offset measured around it. */
export type JoinResult = JoinResponse & {
  /** server clock minus this browser's clock (ms), measured around the join request */
  clockOffset: number
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
  const body = await readBody(res, joinResponseSchema)
  // The server's clock at the midpoint of the request, minus ours: section timers count in
  // server time, so two browsers agree even when one machine's clock is minutes off.
  return { ...body, clockOffset: body.serverNow - (sentAt + receivedAt) / 2 }
}
