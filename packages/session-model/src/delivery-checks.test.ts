import { describe, expect, it } from 'vitest'
import { makeRecord, said, spoke } from '../test/record-fixture'
import { deliveryCheck } from './delivery-checks'

const share = { kind: 'talk-share', minShare: 0.55 } as const
const pace = { kind: 'speaking-pace', min: 110, max: 170 } as const
const fillers = { kind: 'fillers', maxPerMinute: 4 } as const
const monologue = { kind: 'monologue', maxMs: 180_000 } as const

// n words of plain speech
const words = (n: number, word = 'metric') => Array.from({ length: n }, () => word).join(' ')

describe('talk share', () => {
  it('is met when the candidate talked most, not met when the interviewer did', () => {
    const most = makeRecord({ talk: [spoke('candidate', 0, 70), spoke('interviewer', 70_000, 30)] })
    expect(deliveryCheck(most, share)).toMatchObject({
      status: 'met',
      detail: 'The candidate spoke 70% of the talk time (1:10 of 1:40).',
    })
    const least = makeRecord({
      talk: [spoke('candidate', 0, 30), spoke('interviewer', 30_000, 70)],
    })
    expect(deliveryCheck(least, share).status).toBe('not-met')
  })

  it('says there is no data, never a number, without talk from the call', () => {
    expect(deliveryCheck(makeRecord(), share)).toMatchObject({
      status: 'no-data',
      detail: 'No speech detected in the call — were the microphones on?',
    })
    // a blip is no data either, not "0:00 of 0:01"
    const blip = makeRecord({
      talk: [spoke('candidate', 0, 0.4), spoke('interviewer', 1_000, 0.5)],
    })
    expect(deliveryCheck(blip, share).status).toBe('no-data')
    expect(deliveryCheck(blip, monologue).status).toBe('no-data')
  })
})

describe('speaking pace', () => {
  it('is met at 140 words a minute', () => {
    const r = makeRecord({ transcript: [said('candidate', 0, 60, words(140))] })
    expect(deliveryCheck(r, pace)).toMatchObject({
      status: 'met',
      detail: '140 words per minute over 1:00 of speech.',
    })
  })

  it('is not met at 220 a minute, pointing at the fastest line', () => {
    const r = makeRecord({
      transcript: [said('candidate', 0, 30, words(90)), said('candidate', 40_000, 30, words(130))],
    })
    const c = deliveryCheck(r, pace)
    expect(c.status).toBe('not-met')
    expect(c.evidence[0]).toMatchObject({ kind: 'moment', at: 40_000 })
    expect(c.next).toMatch(/Slow down/)
  })

  it('ignores the interviewer and typed notes, and needs 30 s of speech', () => {
    const r = makeRecord({
      transcript: [
        said('interviewer', 0, 60, words(140)),
        { ...said('candidate', 0, 60, words(140)), source: 'note' },
        said('candidate', 0, 10, words(20)),
      ],
    })
    expect(deliveryCheck(r, pace).status).toBe('no-data')
  })
})

describe('filler words', () => {
  it('counts whole filler words per minute of speech', () => {
    const calm = makeRecord({ transcript: [said('candidate', 0, 60, `um ${words(100)}`)] })
    expect(deliveryCheck(calm, fillers)).toMatchObject({
      status: 'met',
      detail: '1 filler word, 1 per minute of speech.',
    })
    const nervous = makeRecord({
      transcript: [said('candidate', 5_000, 60, `um so like uh you know ${words(40)} um umbrella`)],
    })
    const c = deliveryCheck(nervous, fillers)
    expect(c).toMatchObject({
      status: 'not-met',
      detail: '5 filler words, 5 per minute of speech.',
    })
    expect(c.evidence[0]).toMatchObject({ kind: 'moment', at: 5_000 })
  })
})

describe('longest monologue', () => {
  it('is met by short turns and not met by four minutes without a break, with its start', () => {
    const turns = makeRecord({
      talk: [spoke('candidate', 0, 100), spoke('interviewer', 100_000, 5)],
    })
    expect(deliveryCheck(turns, monologue).status).toBe('met')
    // spans a second apart are one stretch; the interviewer speaking later does not shorten it
    const long = makeRecord({
      talk: [
        spoke('candidate', 10_000, 120),
        spoke('candidate', 131_000, 120),
        spoke('interviewer', 300_000, 5),
      ],
    })
    const c = deliveryCheck(long, monologue)
    expect(c).toMatchObject({
      status: 'not-met',
      detail: "The candidate's longest stretch of talking was 4:01.",
    })
    expect(c.evidence[0]).toMatchObject({ kind: 'moment', at: 10_000 })
  })

  it('judges only the candidate: a long interviewer briefing is not theirs', () => {
    const r = makeRecord({ talk: [spoke('interviewer', 0, 300), spoke('candidate', 300_000, 60)] })
    expect(deliveryCheck(r, monologue).status).toBe('met')
  })
})
