import { describe, expect, it } from 'vitest'
import { rateLimits } from './sync-rate-limits'

describe('rate limits', () => {
  it("counts one connection's frames in a fixed window that starts with the first", () => {
    let now = 1_000
    const rates = rateLimits(
      { framesPerConnection: { points: 2, duration: 10 } },
      undefined,
      () => now,
    )
    const a = rates.forConnection()
    const b = rates.forConnection()
    expect([a.take('framesPerConnection'), a.take('framesPerConnection')]).toEqual([true, true])
    expect(a.take('framesPerConnection')).toBe(false)
    // counters are per connection and per kind
    expect(b.take('framesPerConnection')).toBe(true)
    expect(a.take('awarenessPerConnection')).toBe(true)
    now += 9_999
    expect(a.take('framesPerConnection')).toBe(false)
    now += 1
    expect(a.take('framesPerConnection')).toBe(true)
  })
})
