import { describe, expect, it } from 'vitest'
import { planClock, planVsActual } from './plan-vs-actual'

describe('planVsActual', () => {
  const sections = [
    { key: 'clarify', title: 'Clarify', minutes: 4 },
    { key: 'users', title: 'Users', minutes: 5 },
    { key: 'segments', title: 'Segments', minutes: 6 },
    { key: 'metrics', title: 'Metrics', minutes: 5 },
  ]

  it('gives every row its own times in one m:ss format, with words for untimed sections', () => {
    const plan = planVsActual(
      sections,
      { clarify: 23_000, segments: 390_000 },
      (k) => k === 'users',
    )
    expect(plan.rows.map((r) => [r.title, r.planned, r.actual, r.over])).toEqual([
      ['Clarify', '4:00', '0:23', false],
      ['Users', '5:00', 'written, untimed', false],
      ['Segments', '6:00', '6:30', true],
      ['Metrics', '5:00', 'not reached', false],
    ])
    expect(plan).toMatchObject({ planned: '20:00', actual: '6:53' })
  })

  it('calls a section passed over without text skipped', () => {
    const plan = planVsActual(sections, { clarify: 1000, segments: 1000 }, () => false)
    expect(plan.rows[1]?.actual).toBe('skipped')
  })

  it('rounds to whole seconds and never shows a negative time', () => {
    expect(planClock(59_600)).toBe('1:00')
    expect(planClock(-5000)).toBe('0:00')
    expect(planClock(3_600_000)).toBe('60:00')
  })
})
