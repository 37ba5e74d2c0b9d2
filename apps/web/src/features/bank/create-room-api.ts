import type { SessionMode } from '@mockroom/session-model'
import { createRoomResponseSchema, type CreateRoomResponse } from '../../contract/room'
import { apiErrorFrom, readBody } from '../../lib/api-error'

export type CreatedRoom = CreateRoomResponse

/** `setCapability`: for a coach's question, the link of the set that offers it */
export async function createRoom(
  questionId: string,
  mode: SessionMode,
  setCapability?: string,
): Promise<CreatedRoom> {
  const res = await fetch('/api/rooms', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ questionId, mode, ...(setCapability ? { setCapability } : {}) }),
  })
  if (!res.ok) throw await apiErrorFrom(res, 'The room could not be created. Please try again.')
  return readBody(res, createRoomResponseSchema)
}
