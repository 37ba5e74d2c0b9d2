/** Remembers which signed webhook deliveries were handled, so a captured one cannot be replayed. */
export interface SeenWebhooks {
  /** true the first time `id` is offered within the remembered window, false on a repeat */
  firstSeen(id: string): Promise<boolean>
}

/** How long and how many delivery ids are remembered (docs/operations.md, "Limits"). */
export const WEBHOOK_IDS_TTL_SECONDS = 24 * 60 * 60
export const WEBHOOK_IDS_IN_MEMORY = 10_000

/**
 * In this process: ids in arrival order with their expiry; expired ones and, past `max`, the
 * oldest are dropped, so memory stays bounded however many events arrive.
 */
export function memorySeenWebhooks(
  max = WEBHOOK_IDS_IN_MEMORY,
  ttlMs = WEBHOOK_IDS_TTL_SECONDS * 1000,
  now: () => number = Date.now,
): SeenWebhooks & { size(): number } {
  const expiries = new Map<string, number>()
  const prune = (t: number) => {
    for (const [id, expiry] of expiries) {
      if (expiry > t && expiries.size <= max) break
      expiries.delete(id)
    }
  }
  return {
    firstSeen(id) {
      const t = now()
      prune(t)
      if (expiries.has(id)) return Promise.resolve(false)
      expiries.set(id, t + ttlMs)
      prune(t)
      return Promise.resolve(true)
    },
    size: () => expiries.size,
  }
}

/** The one Redis command used here, as ioredis declares it. */
export interface RedisSetNx {
  set(key: string, value: string, ex: 'EX', seconds: number, nx: 'NX'): Promise<'OK' | null>
}

/**
 * Shared by every web instance through Redis (SET NX with expiry); while Redis is unreachable
 * this instance's memory stands in, as the rate limits' insurance limiters do.
 */
export function redisSeenWebhooks(
  redis: RedisSetNx,
  keyPrefix: string,
  fallback: SeenWebhooks = memorySeenWebhooks(),
): SeenWebhooks {
  return {
    async firstSeen(id) {
      try {
        const set = await redis.set(
          `${keyPrefix}webhook:${id}`,
          '1',
          'EX',
          WEBHOOK_IDS_TTL_SECONDS,
          'NX',
        )
        return set === 'OK'
      } catch {
        return fallback.firstSeen(id)
      }
    },
  }
}
