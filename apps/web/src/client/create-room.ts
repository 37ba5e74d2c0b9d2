import type { SessionMode } from '@mockroom/answer-doc'
import { apiErrorFrom, ApiError, isRecord } from './api-error'
import { isRoomLinks, type RoomLinks } from './room-links'

export interface CreatedRoom {
  roomId: string
  sessionId: string
  links: RoomLinks
}

export async function createRoom(questionId: string, mode: SessionMode): Promise<CreatedRoom> {
  const res = await fetch('/api/rooms', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ questionId, mode }),
  })
  if (!res.ok) throw await apiErrorFrom(res, 'The room could not be created. Please try again.')
  const body: unknown = await res.json()
  if (
    !isRecord(body) ||
    typeof body.roomId !== 'string' ||
    typeof body.sessionId !== 'string' ||
    !isRoomLinks(body.links)
  ) {
    throw new ApiError('The server sent an unexpected answer. Please try again.', res.status)
  }
  return { roomId: body.roomId, sessionId: body.sessionId, links: body.links }
}
