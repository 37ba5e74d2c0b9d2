import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendTalkSpan, readTalk, summarizeTalk, type TalkSpan } from './talk-time'

function span(
  speakerId: string,
  startMs: number,
  endMs: number,
  sectionKey: string | null,
): TalkSpan {
  return { speakerId, name: speakerId.toUpperCase(), role: speakerId, startMs, endMs, sectionKey }
}

describe('talk time', () => {
  it('keeps spans in the control document', () => {
    const doc = new Y.Doc()
    appendTalkSpan(doc, span('candidate', 0, 1000, 'clarify'))
    expect(readTalk(doc)).toEqual([span('candidate', 0, 1000, 'clarify')])
  })

  it('sums per person and per section, in template order, with silent people at 0', () => {
    const spans = [
      span('candidate', 0, 7100, 'clarify'),
      span('interviewer', 8000, 10_900, 'clarify'),
      span('interviewer', 20_000, 22_000, 'metrics'),
      span('candidate', 30_000, 30_000, null), // zero-length spans count nothing
    ]
    const summary = summarizeTalk(spans, ['clarify', 'segments', 'metrics'])
    expect(summary.totalMs).toBe(12_000)
    expect(summary.people.map((p) => [p.speakerId, p.ms])).toEqual([
      ['candidate', 7100],
      ['interviewer', 4900],
    ])
    expect(summary.sections.map((s) => s.sectionKey)).toEqual(['clarify', 'metrics'])
    const clarify = summary.sections[0]
    expect(clarify?.people.find((p) => p.speakerId === 'candidate')?.share).toBeCloseTo(0.71)
    const metrics = summary.sections[1]
    expect(metrics?.people.map((p) => [p.speakerId, p.share])).toEqual([
      ['interviewer', 1],
      ['candidate', 0],
    ])
  })

  it('has nothing to say without spans', () => {
    expect(summarizeTalk([], ['clarify'])).toEqual({ totalMs: 0, people: [], sections: [] })
  })

  it('lists people who never spoke at 0 when asked to', () => {
    const silent = [{ speakerId: 'candidate', name: 'Cody', role: 'candidate' }]
    const summary = summarizeTalk([span('interviewer', 0, 1000, 'clarify')], ['clarify'], silent)
    expect(summary.sections[0]?.people.map((p) => [p.name, p.share])).toEqual([
      ['INTERVIEWER', 1],
      ['Cody', 0],
    ])
  })
})
