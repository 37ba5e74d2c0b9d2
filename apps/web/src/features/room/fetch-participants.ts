import { participantsResponseSchema, type Participant } from '../../contract/room'
import { apiErrorFrom, readBody } from '../../lib/api-error'

export type { Participant }

export async function fetchParticipants(
  roomId: string,
  token: string,
  signal?: AbortSignal,
): Promise<Participant[]> {
  const res = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/participants`, {
    headers: { authorization: `Bearer ${token}` },
    cache: 'no-store',
    signal,
  })
  if (!res.ok) throw await apiErrorFrom(res, 'Could not load who is in the room.')
  return (await readBody(res, participantsResponseSchema)).participants
}
