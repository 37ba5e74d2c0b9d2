import { describe, expect, it } from 'vitest'
import { outcomeLabel, sectionOutcomes } from './section-outcome'

const keys = ['clarify', 'segments', 'pains', 'solutions', 'metrics']
const clock = (ms: number) => `${Math.round(ms / 1000)}s`

describe('sectionOutcomes', () => {
  it('tells skipped (passed over) from not reached (after the last one that ran)', () => {
    const out = sectionOutcomes(keys, { clarify: 60_000, pains: 30_000 }, () => false)
    expect(out.map((o) => outcomeLabel(o, clock))).toEqual([
      'took 60s',
      'skipped',
      'took 30s',
      'not reached',
      'not reached',
    ])
  })

  it('a section with text but no time is written, neither skipped nor not reached', () => {
    const written = new Set(['segments', 'metrics'])
    const out = sectionOutcomes(keys, { clarify: 1_000, pains: 1_000 }, (k) => written.has(k))
    expect(out.map((o) => o.kind)).toEqual(['timed', 'written', 'timed', 'not-reached', 'written'])
  })

  it('one outcome per section, in order, even when none ran', () => {
    expect(sectionOutcomes(keys, {}, () => false)).toHaveLength(keys.length)
  })
})
