import type { Redis } from 'ioredis'
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible'
import { MemoryLimiter } from './memory-limiter'

/** `points` actions per `duration` seconds per key (rate-limiter-flexible's fixed window). */
export interface RateRule {
  points: number
  duration: number
}

/** What is used of a limiter: resolves while allowed, rejects with a RateLimiterRes when not. */
export type Limiter = Pick<RateLimiterAbstract, 'consume'>

/** Where a shared limiter keeps its counts: one Redis key per limit and key. */
export interface SharedStore {
  redis: Redis
  keyPrefix: string
}

/**
 * A limiter for `rule`: in this process's memory, or in Redis so that several instances share
 * the counts, with an in-memory limiter standing in while Redis is away (rate-limiter-flexible's
 * insurance limiter). Web and sync servers both build theirs here.
 */
export function createLimiter(rule: RateRule, shared?: SharedStore): Limiter {
  if (!shared) return new MemoryLimiter(rule.points, rule.duration)
  return new RateLimiterRedis({
    storeClient: shared.redis,
    keyPrefix: shared.keyPrefix,
    ...rule,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: shared.keyPrefix, ...rule }),
  })
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number }

/** Counts one action of `key`; whether it was allowed, and if not, when to try again. */
export async function take(limiter: Limiter, key: string): Promise<Verdict> {
  try {
    await limiter.consume(key)
    return { allowed: true }
  } catch (err) {
    if (err instanceof RateLimiterRes) return { allowed: false, retryAfterMs: err.msBeforeNext }
    throw err
  }
}
