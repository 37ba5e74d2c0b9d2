import type { ClarifyRow } from '../src/clarify-rows'
import type { SessionRecord } from '../src/session-record'
import type { TalkSpan } from '../src/talk-time'
import type { TranscriptSegment } from '../src/transcript'

// For check tests: an ended product-improvement session started at 0, every section timed within
// its box, nothing written yet; tests fill in what they judge.
export function makeRecord(patch: Partial<SessionRecord> = {}): SessionRecord {
  const sections = [
    ['clarify', 'Clarify', 4],
    ['segments', 'Segments', 5],
    ['pain-points', 'Pain points', 6],
    ['solutions', 'Solutions', 8],
    ['prioritization', 'Prioritization', 4],
    ['metrics', 'Metrics', 5],
  ] as const
  let at = 0
  const sectionStarts = sections.map(([key, , minutes]) => {
    const start = { sectionKey: key, at }
    at += minutes * 60_000
    return start
  })
  return {
    schema: 'mockroom.session/1',
    session: {
      id: 's',
      roomId: 'r',
      round: 1,
      mode: 'interview',
      status: 'ended',
      createdAt: 0,
      startedAt: 0,
      endedAt: at,
    },
    viewer: { role: 'interviewer' },
    question: {
      id: 'q',
      title: 'Improve a transit app',
      prompt: 'How would you improve it?',
      type: 'product-improvement',
      company: 'Acme',
      tags: [],
      difficulty: 'medium',
    },
    sections: sections.map(([key, title, minutes]) => ({
      key,
      title,
      prompt: '',
      minutes,
      spentMs: minutes * 60_000 - 10_000,
    })),
    breaks: [],
    sectionStarts,
    participants: [
      { id: 'i', name: 'Ivy', role: 'interviewer', color: '#2563eb' },
      { id: 'c', name: 'Cody', role: 'candidate', color: '#c2410c' },
    ],
    transcript: [],
    talk: [],
    answerUpdates: [],
    authorship: {},
    answer: {},
    clarifyRows: [],
    sectionFeedback: {},
    sharedFeedback: null,
    private: null,
    feedbackFinal: false,
    ...patch,
  }
}

export function row(question: string, impact: string): ClarifyRow {
  return { id: question, question, why: '', answer: '', impact, answeredFromHint: null }
}

export function said(
  role: 'candidate' | 'interviewer',
  startMs: number,
  seconds: number,
  text: string,
): TranscriptSegment {
  const [speakerId, name] = role === 'candidate' ? ['c', 'Cody'] : ['i', 'Ivy']
  return { speakerId, name, role, startMs, endMs: startMs + seconds * 1000, text, source: 'server' }
}

export function spoke(
  role: 'candidate' | 'interviewer',
  startMs: number,
  seconds: number,
): TalkSpan {
  const [speakerId, name] = role === 'candidate' ? ['c', 'Cody'] : ['i', 'Ivy']
  return { speakerId, name, role, startMs, endMs: startMs + seconds * 1000, sectionKey: null }
}
