import { describe, expect, it } from 'vitest'
import { makeRecord, row } from '../test/record-fixture'
import { answerCheck } from './answer-checks'

const clarify = { kind: 'clarifying-questions', section: 'clarify', min: 3 } as const
const segment = { kind: 'choice-with-reason', section: 'segments', noun: 'segment' } as const
const pains = { kind: 'listed', section: 'pain-points', min: 2, noun: 'pain points' } as const
const solutions = {
  kind: 'options-compared',
  section: 'solutions',
  compareIn: ['solutions', 'prioritization'],
  min: 2,
  noun: 'solutions',
} as const
const metric = { kind: 'metric-defined', section: 'metrics' } as const
const guardrail = { kind: 'guardrail', section: 'metrics', dedicated: false } as const
const timeBoxes = { kind: 'time-boxes', graceMs: 30_000 } as const

describe('clarifying questions', () => {
  it('is met by three questions that each say their impact', () => {
    const r = makeRecord({
      clarifyRows: [row('Which city?', 'Scope'), row('Goal?', 'Metric'), row('Platform?', 'UX')],
    })
    const c = answerCheck(r, clarify)
    expect(c.status).toBe('met')
    expect(c.next).toBeNull()
    // the Clarify section's moment is always offered
    expect(c.evidence).toContainEqual(expect.objectContaining({ kind: 'moment', at: 0 }))
  })

  it('is not met with too few questions, or one without its impact (quoted)', () => {
    expect(answerCheck(makeRecord({ clarifyRows: [row('Goal?', 'x')] }), clarify)).toMatchObject({
      status: 'not-met',
      detail: '1 question.',
    })
    const r = makeRecord({
      clarifyRows: [row('Which city?', 'Scope'), row('Goal?', ' '), row('Platform?', 'UX')],
    })
    const c = answerCheck(r, clarify)
    expect(c.status).toBe('not-met')
    expect(c.detail).toBe('3 questions; 1 without an impact on the approach.')
    expect(c.evidence[0]).toEqual({ kind: 'quote', text: 'Goal?', sectionKey: 'clarify' })
    expect(c.next).toMatch(/Impact column/)
  })
})

describe('a segment chosen with a reason', () => {
  it('is met when a sentence picks one and says why, here in the next sentence', () => {
    const answer = {
      segments:
        '- Commuters\n- Tourists\n\nWe focus on commuters. They ride daily, so it matters most.',
    }
    const c = answerCheck(makeRecord({ answer }), segment)
    expect(c.status).toBe('met')
    expect(c.evidence[0]).toEqual({
      kind: 'quote',
      text: 'We focus on commuters. They ride daily, so it matters most.',
      sectionKey: 'segments',
    })
  })

  it('is not met by a list with no choice, or a choice with no reason', () => {
    const none = answerCheck(
      makeRecord({ answer: { segments: '- Commuters\n- Tourists' } }),
      segment,
    )
    expect(none).toMatchObject({
      status: 'not-met',
      detail: 'Segments does not say which segment you chose.',
    })
    const bare = answerCheck(makeRecord({ answer: { segments: 'We pick tourists.' } }), segment)
    expect(bare).toMatchObject({
      status: 'not-met',
      detail: 'Segments names a choice but not why.',
    })
  })
})

describe('listed', () => {
  it('counts list items, or lines when there is no list', () => {
    expect(
      answerCheck(makeRecord({ answer: { 'pain-points': '- Slow\n- Crowded' } }), pains).status,
    ).toBe('met')
    expect(
      answerCheck(makeRecord({ answer: { 'pain-points': 'Slow trains' } }), pains),
    ).toMatchObject({
      status: 'not-met',
      detail: 'Pain points lists 1 pain points.',
    })
  })
})

describe('solutions compared on a trade-off', () => {
  it('is met by two solutions and a trade-off in the prioritization', () => {
    const answer = {
      solutions: '1. Live arrivals\n2. Offline tickets',
      prioritization: 'Live arrivals has more impact for less effort than offline tickets.',
    }
    const c = answerCheck(makeRecord({ answer }), solutions)
    expect(c.status).toBe('met')
    expect(c.evidence[0]).toMatchObject({ kind: 'quote', sectionKey: 'prioritization' })
  })

  it('is not met by one solution, nor by two never compared', () => {
    const one = answerCheck(makeRecord({ answer: { solutions: '- Live arrivals' } }), solutions)
    expect(one.status).toBe('not-met')
    expect(one.next).toMatch(/at least 2 distinct/)
    const answer = {
      solutions: '- Live arrivals\n- Offline tickets',
      prioritization: 'Live arrivals.',
    }
    const two = answerCheck(makeRecord({ answer }), solutions)
    expect(two.status).toBe('not-met')
    expect(two.detail).toBe('2 solutions, but no trade-off between them is written down.')
  })
})

describe('a metric with its definition', () => {
  it('is met by a metric with a unit and a time window', () => {
    const answer = { metrics: 'Primary: share of riders who buy a ticket in the app per week.' }
    expect(answerCheck(makeRecord({ answer }), metric).status).toBe('met')
  })

  it('is not met by a metric without a window, and points at the Metrics section', () => {
    const c = answerCheck(makeRecord({ answer: { metrics: 'Conversion rate.' } }), metric)
    expect(c.status).toBe('not-met')
    expect(c.detail).toMatch(/not over which time window/)
    expect(c.evidence).toContainEqual({
      kind: 'moment',
      at: 27 * 60_000,
      label: 'Metrics section',
      sectionKey: 'metrics',
    })
  })
})

describe('a guardrail', () => {
  it('is met when a metric is named as a guardrail', () => {
    const answer = { metrics: 'Tickets per week. Guardrail: app crash rate must not rise.' }
    expect(answerCheck(makeRecord({ answer }), guardrail).status).toBe('met')
  })

  it('is not met by a metric alone; a dedicated section is met by any line', () => {
    const answer = { metrics: 'Tickets sold per week.' }
    expect(answerCheck(makeRecord({ answer }), guardrail).status).toBe('not-met')
    const dedicated = { kind: 'guardrail', section: 'metrics', dedicated: true } as const
    expect(answerCheck(makeRecord({ answer }), dedicated).status).toBe('met')
  })
})

describe('time boxes', () => {
  it('is met when every section ran within its box plus the grace', () => {
    expect(answerCheck(makeRecord(), timeBoxes).status).toBe('met')
  })

  it('names the section that overran, with its moment, and the one never reached', () => {
    const base = makeRecord()
    const sections = base.sections.map((s) =>
      s.key === 'solutions'
        ? { ...s, spentMs: 9 * 60_000 + 40_000 }
        : s.key === 'metrics'
          ? { ...s, spentMs: 0 }
          : s,
    )
    const c = answerCheck({ ...base, sections }, timeBoxes)
    expect(c.status).toBe('not-met')
    expect(c.detail).toBe('over its time box: Solutions; not reached: Metrics.')
    expect(c.evidence).toEqual([
      {
        kind: 'moment',
        at: 15 * 60_000,
        label: 'Solutions: 9:40 of 8:00',
        sectionKey: 'solutions',
      },
    ])
  })
})

it('says no-data for a section the question does not have', () => {
  const c = answerCheck(makeRecord(), { kind: 'metric-defined', section: 'north-star' })
  expect(c.status).toBe('no-data')
})
