import { describe, expect, it } from 'vitest'
import { levelPercent } from './start-level-meter'

describe('levelPercent', () => {
  it('maps silence to 0 and full scale to 100', () => {
    expect(levelPercent(new Float32Array(256))).toBe(0)
    expect(levelPercent(new Float32Array(256).fill(1))).toBe(100)
  })

  it('puts -30 dBFS in the middle and clamps below -60 dBFS', () => {
    expect(levelPercent(new Float32Array(256).fill(10 ** (-30 / 20)))).toBe(50)
    expect(levelPercent(new Float32Array(256).fill(0.0001))).toBe(0)
  })
})
