import type { WebEnv } from '../../env'

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
