import type { WebEnv } from '../env'

export interface LivekitConfig {
  url: string
  apiKey: string
  apiSecret: string
  tokenTtlSeconds: number
}

export function livekitConfig(env: WebEnv): LivekitConfig {
  return {
    url: env.LIVEKIT_URL,
    apiKey: env.LIVEKIT_API_KEY,
    apiSecret: env.LIVEKIT_API_SECRET,
    tokenTtlSeconds: env.LIVEKIT_TOKEN_TTL_SECONDS,
  }
}

/** One LiveKit room per Mockroom room; rounds share the call. */
export function livekitRoomName(roomId: string): string {
  return `mockroom-${roomId}`
}

export function roomIdFromLivekitName(name: string): string | null {
  return name.startsWith('mockroom-') ? name.slice('mockroom-'.length) : null
}

/** RoomServiceClient speaks HTTP(S) to the same host the browsers reach over WebSocket. */
export function livekitHttpUrl(url: string): string {
  return url.replace(/^ws/, 'http')
}
