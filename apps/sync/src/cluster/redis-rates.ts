import { createLimiter, limitStore } from '@mockroom/rate-limits'
import type { LimiterFactory } from '../guards/sync-rate-limits'
import type { Logger } from '../observability/logger'

/**
 * Cluster mode: the per-address, per-session and per-participant limits count across every sync
 * instance (one Redis key per limit and key), with in-memory limits standing in while Redis is away.
 */
export function redisRates(url: string, logger: Logger) {
  const store = limitStore(url, (err) =>
    logger.warn({ err: err.message }, 'rate limit store error'),
  )
  const factory: LimiterFactory = (name, rule) =>
    createLimiter(rule, { redis: store.redis, keyPrefix: `mockroom:sync-rl:${name}` })
  return { factory, close: store.close }
}
