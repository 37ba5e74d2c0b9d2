import { livekitHttpUrl, livekitRoomName } from '@mockroom/access'
import type { RoomServiceClient } from 'livekit-server-sdk'
import type { Logger } from '../observability/logger'

/** What the sync server asks of the audio call (LiveKit) when the interviewer acts. */
export interface CallControl {
  /** Disconnects someone from the room's call at once. Never throws. */
  removeFromCall(roomId: string, participantId: string): Promise<void>
}

export interface LivekitServerConfig {
  url: string
  apiKey: string
  apiSecret: string
}

// RoomServiceClient (LiveKit's Twirp API): the participant's identity is their participant id.
// The SDK (with its protobuf code, a few MB of memory) is loaded on the first Remove, not at start.
export function livekitCallControl(config: LivekitServerConfig, logger: Logger): CallControl {
  let client: Promise<RoomServiceClient> | null = null
  const connect = async () => {
    const { RoomServiceClient } = await import('livekit-server-sdk')
    return new RoomServiceClient(livekitHttpUrl(config.url), config.apiKey, config.apiSecret)
  }
  return {
    async removeFromCall(roomId, participantId) {
      try {
        client ??= connect()
        await (await client).removeParticipant(livekitRoomName(roomId), participantId)
      } catch (err) {
        // not in the call (404) is the usual case; an unreachable LiveKit must not block Remove
        logger.info({ err, roomId, participantId }, 'could not remove from the call')
      }
    },
  }
}
