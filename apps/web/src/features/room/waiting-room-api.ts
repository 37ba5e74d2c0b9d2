import {
  newLinksResponseSchema,
  waitingListResponseSchema,
  type InviteLinks,
  type WaitingPerson,
} from '../../contract/room'
import { apiErrorFrom, readBody } from '../../lib/api-error'

// The waiting room from the interviewer's side: who waits, let them in or turn them away, and
// replace the room's links (the newcomer's side is lobby/admission-api.ts).

export type { WaitingPerson }

const roomUrl = (roomId: string, what: 'waiting' | 'links') =>
  `/api/rooms/${encodeURIComponent(roomId)}/${what}`

export async function fetchWaiting(
  roomId: string,
  token: string,
  signal?: AbortSignal,
): Promise<WaitingPerson[]> {
  const res = await fetch(roomUrl(roomId, 'waiting'), {
    headers: { authorization: `Bearer ${token}` },
    cache: 'no-store',
    signal,
  })
  if (!res.ok) throw await apiErrorFrom(res, 'Could not load who is waiting.')
  return (await readBody(res, waitingListResponseSchema)).waiting
}

export async function decideAdmission(
  roomId: string,
  token: string,
  participantId: string,
  decision: 'admit' | 'turn-away',
): Promise<void> {
  const res = await fetch(roomUrl(roomId, 'waiting'), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ participantId, decision }),
    cache: 'no-store',
  })
  if (!res.ok) throw await apiErrorFrom(res, 'That did not work. Please try again.')
}

export async function replaceLinks(roomId: string, token: string): Promise<InviteLinks> {
  const res = await fetch(roomUrl(roomId, 'links'), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    cache: 'no-store',
  })
  if (!res.ok) throw await apiErrorFrom(res, 'Could not make new links. Please try again.')
  return (await readBody(res, newLinksResponseSchema)).links
}
