import { RateLimiterRes } from 'rate-limiter-flexible'
import { describe, expect, it } from 'vitest'
import { MemoryLimiter } from './memory-limiter'

describe('MemoryLimiter', () => {
  it('allows `points` per window from the first action, then rejects with a RateLimiterRes', async () => {
    let now = 1_000_000
    const limiter = new MemoryLimiter(2, 10, () => now)
    await expect(limiter.consume('a')).resolves.toMatchObject({ consumedPoints: 1 })
    now += 4_000
    await expect(limiter.consume('a')).resolves.toMatchObject({ remainingPoints: 0 })
    const refused = limiter.consume('a')
    await expect(refused).rejects.toBeInstanceOf(RateLimiterRes)
    await expect(refused).rejects.toMatchObject({ msBeforeNext: 6_000 })
    // other keys count on their own
    await expect(limiter.consume('b')).resolves.toBeInstanceOf(RateLimiterRes)
    // the window began with a's first action: 10 s later it is a new one
    now += 6_000
    await expect(limiter.consume('a')).resolves.toMatchObject({ consumedPoints: 1 })
  })

  it('forgets expired windows without a timer per key', async () => {
    let now = 0
    const limiter = new MemoryLimiter(5, 1, () => now)
    for (let i = 0; i < 100; i++) await limiter.consume(`k${i}`)
    expect(limiter.size).toBe(100)
    now += 1_000
    await limiter.consume('fresh')
    expect(limiter.size).toBe(1)
  })
})
