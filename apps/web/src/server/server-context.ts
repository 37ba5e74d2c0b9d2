import { loadDevSecret, openStore, type Store } from '@mockroom/store'
import { pino, type Logger } from 'pino'
import { readEnv, type WebEnv } from '../env'
import { createRateLimits, type RateLimits } from './http/api-rate-limits'
import { memorySeenWebhooks, redisSeenWebhooks, type SeenWebhooks } from './livekit/webhook-replay'

export interface ServerContext {
  env: WebEnv
  store: Store
  secret: string
  logger: Logger
  limits: RateLimits
  /** LiveKit webhook deliveries already handled (in Redis when REDIS_URL is set) */
  seenWebhooks: SeenWebhooks
}

// One context per server process, created on first use. Kept on globalThis because Next's dev
// server re-evaluates modules on every change and would otherwise open a new database each time.
const holder = globalThis as typeof globalThis & { __mockroomContext?: Promise<ServerContext> }

async function create(): Promise<ServerContext> {
  const env = readEnv()
  const store = await openStore({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL })
  const logger = pino({ level: env.LOG_LEVEL, name: 'web' })
  const limits = createRateLimits(env.REDIS_URL, logger, env.REDIS_KEY_PREFIX, {
    rooms: env.ROOMS_PER_ADDRESS,
  })
  const redis = limits.redis()
  return {
    env,
    store,
    secret: env.SESSION_SECRET ?? loadDevSecret(env.DATA_DIR),
    logger,
    limits,
    seenWebhooks: redis ? redisSeenWebhooks(redis, env.REDIS_KEY_PREFIX) : memorySeenWebhooks(),
  }
}

export function serverContext(): Promise<ServerContext> {
  holder.__mockroomContext ??= create().catch((err: unknown) => {
    holder.__mockroomContext = undefined
    throw err
  })
  return holder.__mockroomContext
}
