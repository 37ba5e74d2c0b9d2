import { RoomServiceClient } from 'livekit-server-sdk'
import type { Logger } from 'pino'
import { livekitHttpUrl, livekitRoomName } from '@mockroom/access'
import type { LivekitConfig } from './livekit-config'

// The call of an interview room is a LiveKit room (named by livekitRoomName); these act on it
// through LiveKit's RoomService API.

/** Ends the call of a room. Never throws: an unreachable LiveKit must not block ending an interview. */
export async function closeCall(
  config: LivekitConfig,
  roomId: string,
  logger: Logger,
): Promise<boolean> {
  const client = new RoomServiceClient(livekitHttpUrl(config.url), config.apiKey, config.apiSecret)
  try {
    await client.deleteRoom(livekitRoomName(roomId))
    return true
  } catch (err) {
    logger.warn({ err, roomId }, 'could not close the LiveKit room')
    return false
  }
}

/**
 * A LiveKit pass stays valid until it expires, so someone removed from the room could rejoin the
 * call with the pass they already hold. Their join is reported by LiveKit's participant_joined
 * webhook: take them straight out again. Never throws.
 */
export async function evictIfRemoved(
  config: LivekitConfig,
  isRemoved: (participantId: string) => Promise<boolean>,
  event: { event: string; room?: { name: string }; participant?: { identity: string } },
  logger: Logger,
): Promise<boolean> {
  const identity = event.participant?.identity
  const roomName = event.room?.name
  if (event.event !== 'participant_joined' || !identity || !roomName) return false
  if (!(await isRemoved(identity))) return false
  const client = new RoomServiceClient(livekitHttpUrl(config.url), config.apiKey, config.apiSecret)
  try {
    await client.removeParticipant(roomName, identity)
    logger.info({ roomName, participantId: identity }, 'removed participant rejoined the call')
    return true
  } catch (err) {
    logger.warn({ err, roomName, participantId: identity }, 'could not evict from the call')
    return false
  }
}
