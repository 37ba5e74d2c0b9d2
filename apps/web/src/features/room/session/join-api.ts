import { CloseCode, closeRules } from '@mockroom/protocol'
import {
  joinResponseSchema,
  waitingResponseSchema,
  type JoinRequest,
  type JoinResponse,
  type WaitingResponse,
} from '../../../contract/join'
import { apiErrorFrom, ApiError, readBody } from '../../../lib/api-error'

/** What the room works with: the join API's answer plus the clock offset measured around it. */
export type JoinResult = JoinResponse & {
  /** server clock minus this browser's clock (ms), measured around the join request */
  clockOffset: number
}

/** Stored, but waiting until the interviewer lets this person in: no token yet. */
export type WaitingJoin = WaitingResponse

/** A 403 from the join: removed by the interviewer, or turned away at the waiting room. */
export class RefusedError extends ApiError {
  constructor(readonly reason: 'removed' | 'turned-away') {
    super(
      reason === 'removed'
        ? closeRules[CloseCode.removed].message
        : 'The interviewer did not let you in.',
      403,
    )
  }
}

// must match TURNED_AWAY_REASON of the server's admission
const TURNED_AWAY = 'the interviewer did not let you in'

export async function joinRoom(request: JoinRequest): Promise<JoinResult | WaitingJoin> {
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
  if (res.status === 403) {
    const refusal = await apiErrorFrom(res, '')
    throw new RefusedError(refusal.message === TURNED_AWAY ? 'turned-away' : 'removed')
  }
  if (!res.ok) {
    const fallback =
      res.status === 404
        ? 'This link is not valid any more. Ask the interviewer for a new one.'
        : 'Joining failed. Please try again.'
    throw await apiErrorFrom(res, fallback)
  }
  if (res.status === 202) return readBody(res, waitingResponseSchema)
  const body = await readBody(res, joinResponseSchema)
  // The server's clock at the midpoint of the request, minus ours: section timers count in
  // server time, so two browsers agree even when one machine's clock is minutes off.
  return { ...body, clockOffset: body.serverNow - (sentAt + receivedAt) / 2 }
}
