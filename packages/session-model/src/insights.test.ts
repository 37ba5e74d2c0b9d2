import { describe, expect, it } from 'vitest'
import { sessionInsights } from './insights'
import type { SessionRecord } from './session-record'

const span = (speakerId: string, startMs: number, endMs: number, sectionKey = 'clarify') => ({
  speakerId,
  name: speakerId === 'c' ? 'Cody' : 'Ivy',
  role: speakerId === 'c' ? 'candidate' : 'interviewer',
  startMs,
  endMs,
  sectionKey,
})
const line = (speakerId: string, text: string, startMs: number, endMs: number) => ({
  ...span(speakerId, startMs, endMs),
  text,
  source: 'speech' as const,
})

const record = {
  sections: [
    { key: 'clarify', title: 'Clarify', prompt: '', minutes: 4, spentMs: 200_000 },
    { key: 'metrics', title: 'Metrics', prompt: '', minutes: 5, spentMs: 0 },
  ],
  talk: [
    span('c', 0, 3_000),
    span('c', 4_000, 9_000), // 1 s gap: the same stretch, 9 s
    span('i', 10_000, 12_000),
    span('c', 20_000, 26_000),
  ],
  transcript: [line('c', 'Um, I think, like, you know, tourists', 0, 30_000)],
  breaks: [{ sectionKey: 'clarify', startedAt: 50_000, endedAt: 95_000 }],
  answer: { clarify: 'Who pays?' },
  private: {
    rubric: { clarify: { score: 3, comment: '' } },
    overall: { recommendation: null, comment: '' },
    notes: '',
    coverage: { clarify: ['Goal of the improvement'] },
  },
  sharedFeedback: null,
} as unknown as SessionRecord

describe('sessionInsights', () => {
  it('finds the longest monologue, joining spans of one speaker across short gaps', () => {
    expect(sessionInsights(record).longestMonologue).toMatchObject({ name: 'Cody', ms: 9_000 })
  })

  it('counts filler words per minute of speech from a documented list', () => {
    expect(sessionInsights(record).fillers).toEqual([{ name: 'Cody', count: 3, perMinute: 6 }])
  })

  it('gives per-section time, talk, coverage and score, and the sections never reached', () => {
    const insights = sessionInsights(record)
    expect(insights.sections[0]).toMatchObject({
      title: 'Clarify',
      plannedMs: 240_000,
      spentMs: 200_000,
      covered: ['Goal of the improvement'],
      score: 3,
      reached: true,
    })
    expect(insights.sections[0]?.talk).toEqual([
      { name: 'Cody', role: 'candidate', ms: 14_000 },
      { name: 'Ivy', role: 'interviewer', ms: 2_000 },
    ])
    expect(insights.notReached).toEqual(['Metrics'])
    expect(insights.breaks).toEqual({ count: 1, totalMs: 45_000 })
    expect(insights.talkShare[0]).toMatchObject({ name: 'Cody', share: 0.875 })
  })

  it('states no talk measure when the call heard only a blip (the beep of a fake microphone)', () => {
    // what a real call recorded in 25 s of Chromium's beeping fake microphones: three 0.4 s spans
    const blip = {
      ...record,
      talk: [span('i', 0, 420), span('i', 2_000, 2_390), span('c', 2_000, 2_460)],
    }
    const insights = sessionInsights(blip)
    expect(insights.speechDetected).toBe(false)
    expect(insights.talkShare).toEqual([])
    expect(insights.longestMonologue).toBeNull()
    expect(insights.sections.every((s) => s.talk.length === 0)).toBe(true)
    expect(sessionInsights(record).speechDetected).toBe(true)
  })
})
