import { RoomServiceClient } from 'livekit-server-sdk'
import type { Logger } from 'pino'
import { livekitHttpUrl, livekitRoomName } from '@mockroom/access'
import type { LivekitConfig } from './livekit-config'

/** Ends the call of a room. Never throws: an unreachable LiveKit must not block ending an interview. */
export async function closeLivekitRoom(
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
