import { sectionOutcomes } from './section-outcome'
import type { SessionRecord } from './session-record'
import { longestMonologue, speechDetected, summarizeTalk, type Monologue } from './talk-time'

/**
 * Filler words counted in the transcript, whole words, case-insensitive. "like" counts every
 * use (the transcript cannot tell a filler from a verb): read the rate as a trend, not a verdict.
 */
export const FILLER_WORDS = ['um', 'uh', 'erm', 'like', 'you know'] as const

export interface SectionInsight {
  key: string
  title: string
  plannedMs: number
  spentMs: number
  /** talking in this section per person (from the call), ms */
  talk: Array<{ name: string; role: string; ms: number }>
  covered: string[]
  score: number | null
  reached: boolean
}

export interface SessionInsights {
  sections: SectionInsight[]
  /** false when the call heard (next to) no speech: every talk measure below is then empty */
  speechDetected: boolean
  /** the longest stretch one person talked without the other speaking in between */
  longestMonologue: Monologue | null
  talkShare: Array<{ name: string; role: string; share: number }>
  breaks: { count: number; totalMs: number }
  /** per speaker with speech in the transcript: filler words per minute of that speech */
  fillers: Array<{ name: string; count: number; perMinute: number }>
  notReached: string[]
}

export const fillerPattern = new RegExp(`\\b(${FILLER_WORDS.join('|')})\\b`, 'gi')

function fillers(record: SessionRecord): SessionInsights['fillers'] {
  const bySpeaker = new Map<string, { name: string; count: number; ms: number }>()
  for (const line of record.transcript) {
    if (line.source === 'note') continue
    const entry = bySpeaker.get(line.speakerId) ?? { name: line.name, count: 0, ms: 0 }
    entry.count += line.text.match(fillerPattern)?.length ?? 0
    entry.ms += Math.max(1_000, line.endMs - line.startMs)
    bySpeaker.set(line.speakerId, entry)
  }
  return [...bySpeaker.values()].map((e) => ({
    name: e.name,
    count: e.count,
    perMinute: Math.round((e.count / (e.ms / 60_000)) * 10) / 10,
  }))
}

/** What the review's insights show, all from the saved record (pure). */
export function sessionInsights(record: SessionRecord): SessionInsights {
  const keys = record.sections.map((s) => s.key)
  // a blip of talk would read as "100%" and "0 s": no measure rather than a made-up one
  const heard = speechDetected(record.talk)
  const spans = heard ? record.talk : []
  const talk = summarizeTalk(spans, keys)
  const coverage = record.private?.coverage ?? record.sharedFeedback?.coverage ?? {}
  const rubric = record.private?.rubric ?? record.sharedFeedback?.rubric ?? {}
  const outcomes = sectionOutcomes(
    keys,
    Object.fromEntries(record.sections.map((s) => [s.key, s.spentMs])),
    (k) => (record.answer[k] ?? '').trim() !== '',
  )
  const sections = record.sections.map((s, i) => ({
    key: s.key,
    title: s.title,
    plannedMs: s.minutes * 60_000,
    spentMs: s.spentMs,
    talk: (talk.sections.find((t) => t.sectionKey === s.key)?.people ?? []).map((p) => ({
      name: p.name,
      role: p.role,
      ms: p.ms,
    })),
    covered: coverage[s.key] ?? [],
    score: rubric[s.key]?.score ?? null,
    reached: outcomes[i]?.kind !== 'not-reached',
  }))
  return {
    sections,
    speechDetected: heard,
    longestMonologue: longestMonologue(spans),
    talkShare: talk.people.map((p) => ({ name: p.name, role: p.role, share: p.share })),
    breaks: {
      count: record.breaks.length,
      totalMs: record.breaks.reduce((sum, b) => sum + (b.endedAt - b.startedAt), 0),
    },
    fillers: fillers(record),
    notReached: sections.filter((s) => !s.reached).map((s) => s.title),
  }
}
