import { describe, expect, it } from 'vitest'
import { formatDuration, timerReading } from './format-timer'

describe('timerReading', () => {
  const five = 5 * 60_000
  it('counts down in mm:ss, rounding up', () => {
    expect(timerReading(five, 0)).toEqual({ text: '05:00', over: false })
    expect(timerReading(five, 400)).toEqual({ text: '05:00', over: false })
    expect(timerReading(five, 1000)).toEqual({ text: '04:59', over: false })
    expect(timerReading(five, five - 1)).toEqual({ text: '00:01', over: false })
    expect(timerReading(five, five)).toEqual({ text: '00:00', over: false })
  })
  it('counts over time after the plan', () => {
    expect(timerReading(five, five + 999)).toEqual({ text: '00:00', over: false })
    expect(timerReading(five, five + 1000)).toEqual({ text: '+0:01 over', over: true })
    expect(timerReading(five, five + 125_000)).toEqual({ text: '+2:05 over', over: true })
  })
  it('keeps long sections readable', () => {
    expect(timerReading(75 * 60_000, 0).text).toBe('75:00')
  })
})

describe('formatDuration', () => {
  it('reads naturally', () => {
    expect(formatDuration(45_000)).toBe('45 s')
    expect(formatDuration(240_000)).toBe('4 min')
    expect(formatDuration(270_400)).toBe('4 min 30 s')
  })
})
