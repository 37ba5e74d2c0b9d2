import type { Logger } from 'pino'
import { createLimiter, limitStore, take } from '@mockroom/rate-limits'
import { HttpError } from './http-error'
import { RATE_LIMITS, type RateBucket } from './http-limits'

export interface RateLimits {
  /** Counts one request of `key` in `bucket`; a 429 HttpError when the bucket is empty. */
  consume(bucket: RateBucket, key: string): Promise<void>
  /** resolves once the shared store is connected (at once in memory) */
  ready(): Promise<void>
  /** one round trip to Redis (readiness); null when the counts live in memory */
  ping(): Promise<void> | null
  /** the shared store's connection, for other short-lived shared state; null in memory */
  redis(): ReturnType<typeof limitStore>['redis'] | null
  close(): Promise<void>
}

/**
 * One limiter per bucket, in memory (one process) or in Redis when REDIS_URL is set, so several
 * web instances share the counts (@mockroom/rate-limits, as the sync server's).
 */
export function createRateLimits(
  redisUrl: string | undefined,
  logger: Logger,
  keyPrefix = 'mockroom:',
  /** an operator's own points for some buckets (ROOMS_PER_ADDRESS), same durations */
  points: Partial<Record<RateBucket, number>> = {},
): RateLimits {
  const store = redisUrl
    ? limitStore(redisUrl, (err) => logger.warn({ err: err.message }, 'rate limit store error'))
    : null
  const limiters = new Map(
    (Object.keys(RATE_LIMITS) as RateBucket[]).map((bucket) => {
      const shared = store && { redis: store.redis, keyPrefix: `${keyPrefix}rl:${bucket}` }
      const rule = { ...RATE_LIMITS[bucket], points: points[bucket] ?? RATE_LIMITS[bucket].points }
      return [bucket, createLimiter(rule, shared ?? undefined)] as const
    }),
  )
  return {
    async consume(bucket, key) {
      const limiter = limiters.get(bucket)
      const verdict = limiter ? await take(limiter, key) : { allowed: true as const }
      if (verdict.allowed) return
      const seconds = Math.ceil(verdict.retryAfterMs / 1000)
      throw new HttpError(429, `too many requests: try again in ${seconds} s`, {
        'retry-after': String(seconds),
      })
    },
    ready() {
      const redis = store?.redis
      if (!redis || redis.status === 'ready') return Promise.resolve()
      return new Promise((resolve) => redis.once('ready', () => resolve()))
    },
    ping() {
      return store ? store.redis.ping().then(() => undefined) : null
    },
    redis() {
      return store?.redis ?? null
    },
    async close() {
      await store?.close()
    },
  }
}
