import { audioGrant, livekitRoomName } from '@mockroom/access'
import type { SessionClaims } from '@mockroom/access/server'
import { AccessToken } from 'livekit-server-sdk'
import type { LivekitConfig } from './livekit-config'

export interface ConnectionDetails {
  serverUrl: string
  participantToken: string
  roomName: string
}

/** A LiveKit token for the person behind a session token, with grants from the roles table. */
export async function mintLivekitToken(
  config: LivekitConfig,
  claims: SessionClaims,
): Promise<ConnectionDetails> {
  const roomName = livekitRoomName(claims.roomId)
  const token = new AccessToken(config.apiKey, config.apiSecret, {
    identity: claims.participantId,
    name: claims.name,
    metadata: JSON.stringify({ role: claims.role, sessionId: claims.sessionId }),
    ttl: config.tokenTtlSeconds,
  })
  token.addGrant({ room: roomName, roomJoin: true, ...audioGrant(claims.role) })
  return { serverUrl: config.url, participantToken: await token.toJwt(), roomName }
}
