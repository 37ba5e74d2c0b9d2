import { describe, expect, it } from 'vitest'
import { retryDelay } from './retry-delay'

describe('retryDelay', () => {
  it('doubles from 2 s up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(retryDelay)).toEqual([
      2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ])
  })

  it('never overflows or goes below 2 s', () => {
    expect(retryDelay(1_000)).toBe(30_000)
    expect(retryDelay(-3)).toBe(2_000)
  })
})
