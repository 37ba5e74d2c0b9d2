import { Redis } from 'ioredis'
import type { Logger } from 'pino'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import { HttpError } from './http-error'
import { RATE_LIMITS, type RateBucket } from './http-limits'

export interface RateLimits {
  /** Counts one request of `key` in `bucket`; a 429 HttpError when the bucket is empty. */
  consume(bucket: RateBucket, key: string): Promise<void>
  /** resolves once the shared store is connected (at once in memory) */
  ready(): Promise<void>
  /** one round trip to Redis (readiness); null when the counts live in memory */
  ping(): Promise<void> | null
  close(): Promise<void>
}

/**
 * One limiter per bucket, in memory (one process) or in Redis when REDIS_URL is set, so several
 * web instances share the counts. If Redis fails, the in-memory limiter stands in (insurance).
 */
export function createRateLimits(
  redisUrl: string | undefined,
  logger: Logger,
  keyPrefix = 'mockroom:',
): RateLimits {
  const redis = redisUrl
    ? new Redis(redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        lazyConnect: false,
      })
    : null
  redis?.on('error', (err: Error) => logger.warn({ err: err.message }, 'rate limit store error'))
  const limiters = new Map(
    (Object.keys(RATE_LIMITS) as RateBucket[]).map((bucket) => {
      const opts = { keyPrefix: `${keyPrefix}rl:${bucket}`, ...RATE_LIMITS[bucket] }
      const memory = new RateLimiterMemory(opts)
      const limiter = redis
        ? new RateLimiterRedis({ ...opts, storeClient: redis, insuranceLimiter: memory })
        : memory
      return [bucket, limiter] as const
    }),
  )
  return {
    async consume(bucket, key) {
      try {
        await limiters.get(bucket)?.consume(key)
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res
        const seconds = Math.ceil(res.msBeforeNext / 1000)
        throw new HttpError(429, `too many requests: try again in ${seconds} s`, {
          'retry-after': String(seconds),
        })
      }
    },
    ready() {
      if (!redis || redis.status === 'ready') return Promise.resolve()
      return new Promise((resolve) => redis.once('ready', () => resolve()))
    },
    ping() {
      return redis ? redis.ping().then(() => undefined) : null
    },
    async close() {
      await redis?.quit().catch(() => undefined)
    },
  }
}
