import { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible'
import type { LimiterFactory } from '../guards/sync-rate-limits'
import type { Logger } from '../observability/logger'

/**
 * Cluster mode: the per-address, per-session and per-participant limits count across every sync
 * instance (one Redis key per limit and key). The connection fails fast while Redis is away, and
 * rate-limiter-flexible's in-memory insurance limiter counts here meanwhile.
 */
export function redisRates(url: string, logger: Logger) {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
  redis.on('error', (err: Error) => logger.warn({ err: err.message }, 'rate limit store error'))
  const factory: LimiterFactory = (name, rule) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `mockroom:sync-rl:${name}`,
      ...rule,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, ...rule }),
    })
  return {
    factory,
    close: () =>
      redis.quit().then(
        () => undefined,
        () => undefined,
      ),
  }
}
