import { isRole, type Role } from '@mockroom/access'
import { apiErrorFrom, isRecord } from './api-error'

export interface Participant {
  id: string
  name: string
  role: Role
  /** this person's colour in the room (distinct per person); absent until the API answered */
  color?: string
}

function isParticipant(value: unknown): value is Participant {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    isRole(value.role)
  )
}

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
  const body: unknown = await res.json()
  if (!isRecord(body) || !Array.isArray(body.participants)) return []
  return body.participants.filter(isParticipant)
}
