import { ApiError, apiErrorFrom, isRecord } from '../../../lib/api-error'

// What POST /api/livekit/token answers: where the call server is and our pass for it.
export interface CallDetails {
  serverUrl: string
  participantToken: string
  roomName: string
  /** `pnpm start` is still preparing the local call server (it joins once that is ready) */
  preparing?: boolean
}

function isCallDetails(value: unknown): value is CallDetails {
  return (
    isRecord(value) &&
    typeof value.serverUrl === 'string' &&
    typeof value.participantToken === 'string' &&
    typeof value.roomName === 'string'
  )
}

/** Trades the room's session token for a LiveKit token; a refused session is an ApiError 401. */
export async function fetchCallDetails(sessionToken: string, signal?: AbortSignal) {
  const res = await fetch('/api/livekit/token', {
    method: 'POST',
    headers: { authorization: `Bearer ${sessionToken}` },
    cache: 'no-store',
    signal,
  })
  if (!res.ok) throw await apiErrorFrom(res, 'Mockroom could not hand out a pass for the call.')
  const body: unknown = await res.json()
  if (!isCallDetails(body)) {
    throw new ApiError('Mockroom sent an unexpected answer for the call.', res.status)
  }
  return body
}
