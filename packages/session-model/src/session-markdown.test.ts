import { describe, expect, it } from 'vitest'
import type { SessionRecord } from './session-record'
import { sessionMarkdown } from './session-markdown'

const record: SessionRecord = {
  schema: 'mockroom.session/1',
  session: {
    id: 's1',
    roomId: 'r1',
    round: 2,
    mode: 'practice',
    status: 'ended',
    createdAt: 0,
    startedAt: 10_000,
    endedAt: 400_000,
  },
  viewer: { role: 'candidate' },
  question: {
    id: 'q',
    title: 'Alipay for international customers',
    prompt: 'How would you improve Alipay for people outside China?',
    type: 'product-improvement',
    company: 'Alipay',
    tags: [],
    difficulty: 'hard',
  },
  sections: [
    { key: 'clarify', title: 'Clarify', prompt: '', minutes: 4, spentMs: 185_000 },
    { key: 'segments', title: 'Segments', prompt: '', minutes: 5, spentMs: 0 },
  ],
  breaks: [],
  participants: [
    { id: 'a', name: 'Ivy', role: 'interviewer', color: '#2563eb' },
    { id: 'b', name: 'Cody', role: 'candidate', color: '#c2410c' },
  ],
  transcript: [
    {
      speakerId: 'a',
      name: 'Ivy',
      role: 'interviewer',
      startMs: 12_000,
      endMs: 14_000,
      text: 'Where would you start?',
      source: 'server',
    },
    {
      speakerId: 'a',
      name: 'Ivy',
      role: 'interviewer',
      startMs: 75_500,
      endMs: 75_500,
      text: 'asked about market size',
      source: 'note',
    },
  ],
  talk: [
    {
      speakerId: 'b',
      name: 'Cody',
      role: 'candidate',
      startMs: 20_000,
      endMs: 27_100,
      sectionKey: 'clarify',
    },
    {
      speakerId: 'a',
      name: 'Ivy',
      role: 'interviewer',
      startMs: 30_000,
      endMs: 32_900,
      sectionKey: 'clarify',
    },
  ],
  answerUpdates: [],
  authorship: {
    clarify: [
      { author: 'b', chars: 30 },
      { author: 'a', chars: 10 },
    ],
    segments: [],
  },
  answer: { clarify: '- Travellers to China\n- Card holders abroad', segments: '' },
  clarifyRows: [],
  sectionFeedback: { clarify: 'Good scoping.' },
  sharedFeedback: {
    sharedAt: 500_000,
    rubric: { clarify: { score: 3, comment: 'Asked | sharp questions' } },
    overall: { recommendation: 'yes', comment: 'Clear structure.' },
    notes: null,
  },
  private: null,
  feedbackFinal: true,
}

describe('sessionMarkdown', () => {
  it('writes question, answer with plan vs actual, transcript, talk time and shared feedback', () => {
    expect(sessionMarkdown(record)).toBe(`# Alipay for international customers

_Alipay · product-improvement · round 2_

- **Date:** 1970-01-01 00:00 UTC
- **Duration:** 6:30
- **Participants:** Ivy (interviewer, colour #2563eb), Cody (candidate, colour #c2410c)

> How would you improve Alipay for people outside China?

## Plan vs actual

| Section | Planned | Actual |
|---|---|---|
| Clarify | 4:00 | 3:05 |
| Segments | 5:00 | not reached |
| Total | 9:00 | 3:05 |

## Who wrote what

- **Clarify:** Cody 75% (30 characters), Ivy 25% (10 characters)
- **Segments:** nothing written

## Answer

### Clarify

- Travellers to China
- Card holders abroad

> **Feedback:** Good scoping.

### Segments

_(empty)_

## Transcript

- **0:02** Ivy (interviewer): Where would you start?
- **1:06** Ivy (note): asked about market size

## Talk time

- Cody (candidate): 0:07, 71%
- Ivy (interviewer): 0:03, 29%
- Clarify: Cody 71%, Ivy 29%

## Insights

| Section | Planned | Actual | Talk | Score | Covered |
|---|---|---|---|---|---|
| Clarify | 4:00 | 3:05 | 0:10 | 3 | — |
| Segments | 5:00 | not reached | — | — | — |

- **Share of talk:** Cody 71%, Ivy 29%
- **Longest monologue:** Cody, 0:07
- **Thinking breaks:** 0 (0:00)
- **Filler words per minute** (um, uh, erm, like, you know): Ivy 0/min (0)
- **Never reached:** Segments

## Feedback

| Section | Score | Comment |
|---|---|---|
| Clarify | 3 (Solid) | Asked \\| sharp questions |

**Recommendation:** Hire

Clear structure.
`)
  })

  it('lists thinking breaks under plan vs actual', () => {
    const md = sessionMarkdown({
      ...record,
      breaks: [{ sectionKey: 'clarify', startedAt: 70_000, endedAt: 115_000 }],
    })
    expect(md).toContain('Thinking breaks: 1 — 0:45 in Clarify at 1:00')
    expect(sessionMarkdown(record)).not.toMatch(/Thinking breaks: \d+ —/)
  })

  it('says the session has audio, per recorded voice, and nothing without it', () => {
    expect(sessionMarkdown(record)).not.toContain('**Audio:**')
    const track = {
      trackId: 't1',
      participantId: 'p2',
      name: 'Cody',
      role: 'candidate',
      startedAt: 10_000,
      durationMs: 62_000,
      mimeType: 'audio/webm',
    }
    expect(sessionMarkdown({ ...record, audio: { tracks: [track] } })).toContain(
      '- **Audio:** recorded: Cody (candidate, 1:02)',
    )
  })

  it('leaves feedback out when nothing was shared', () => {
    expect(sessionMarkdown({ ...record, sharedFeedback: null })).not.toContain('## Feedback')
  })
  it('marks lines of the browser speech recognition as live captions', () => {
    const caption = { ...record.transcript[0]!, source: 'speech' as const }
    const md = sessionMarkdown({ ...record, transcript: [caption] })
    expect(md).toContain('- **0:02** Ivy (interviewer, live caption): Where would you start?')
  })

  it('names lines before the start "before start", never a negative time', () => {
    const early = { ...record.transcript[0]!, startMs: 4_000, endMs: 5_000, text: 'Ready?' }
    const md = sessionMarkdown({ ...record, transcript: [early, ...record.transcript] })
    expect(md).toContain('- **before start** Ivy (interviewer): Ready?')
    expect(md).not.toMatch(/\*\*-\d/)
  })
})
