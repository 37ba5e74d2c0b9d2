import { livekitHttpUrl, livekitRoomName } from '@mockroom/access'
import { RoomServiceClient } from 'livekit-server-sdk'
import type { Logger } from './types'

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
export function livekitCallControl(config: LivekitServerConfig, logger: Logger): CallControl {
  const client = new RoomServiceClient(livekitHttpUrl(config.url), config.apiKey, config.apiSecret)
  return {
    async removeFromCall(roomId, participantId) {
      try {
        await client.removeParticipant(livekitRoomName(roomId), participantId)
      } catch (err) {
        // not in the call (404) is the usual case; an unreachable LiveKit must not block Remove
        logger.info({ err, roomId, participantId }, 'could not remove from the call')
      }
    },
  }
}
