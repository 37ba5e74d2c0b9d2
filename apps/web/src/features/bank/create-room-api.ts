import type { SessionMode } from '@mockroom/session-model'
import { createRoomResponseSchema, type CreateRoomResponse } from '../../contract/room'
import { apiErrorFrom, readBody } from '../../lib/api-error'

export type CreatedRoom = CreateRoomResponse

export async function createRoom(questionId: string, mode: SessionMode): Promise<CreatedRoom> {
  const res = await fetch('/api/rooms', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ questionId, mode }),
  })
  if (!res.ok) throw await apiErrorFrom(res, 'The room could not be created. Please try again.')
  return readBody(res, createRoomResponseSchema)
}
