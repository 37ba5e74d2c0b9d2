import type * as Y from 'yjs'
import type { AiReview } from './ai-review'
import type { SectionTimer } from './section-timer'
import type { ThinkingBreak } from './thinking-break'

export type SessionStatus = 'lobby' | 'live' | 'ended'
export type SessionMode = 'interview' | 'practice'

/** The question as everyone may see it once revealed (never the interviewer hints). */
export interface PublicQuestion {
  id: string
  title: string
  prompt: string
  type: string
  company: string
  tags: string[]
  difficulty: string
}

export interface SectionPlan {
  key: string
  title: string
  prompt: string
  minutes: number
}

export interface RubricEntry {
  score: number | null
  comment: string
}

export interface SharedFeedback {
  sharedAt: number
  rubric: Record<string, RubricEntry>
  overall: { recommendation: string | null; comment: string }
  /** interviewer notes as Markdown, when shared with the reader (see feedback-share.ts) */
  notes: string | null
  /** who the notes went to; the rubric goes to the candidate and the observers */
  notesTo?: 'nobody' | 'candidate' | 'everyone'
  /** checklist items the interviewer ticked as covered, per section (shared with the rubric) */
  coverage?: Record<string, string[]>
  /** the AI reviewer's review as the interviewer left it, when there was one */
  aiReview?: AiReview | null
}

/** Everything in the control document: written by the sync server only, read by everyone. */
export interface SessionState {
  status: SessionStatus
  mode: SessionMode
  round: number
  question: PublicQuestion | null
  sections: SectionPlan[]
  currentSection: string | null
  timer: SectionTimer | null
  /** time actually spent per section (ms), for the review's plan vs actual */
  spentMs: Record<string, number>
  startedAt: number | null
  endedAt: number | null
  /** practice mode: the interviewer's feedback per section, visible to all */
  feedback: Record<string, string>
  sharedFeedback: SharedFeedback | null
  /** after the end: when the interviewer finalized (or shared) the feedback; the notes and the
   * rubric take no more writes from then on */
  feedbackFinalAt: number | null
  nextRound: { sessionId: string; round: number } | null
  /** the candidate's thinking breaks, in order (thinking-break.ts) */
  breaks: ThinkingBreak[]
  /** when each section's clock started, in order: where the review's evidence links jump to */
  sectionStarts: SectionStart[]
}

export interface SectionStart {
  sectionKey: string
  at: number
}

export const SESSION_MAP = 'session'

export const initialSessionState: SessionState = {
  status: 'lobby',
  mode: 'interview',
  round: 1,
  question: null,
  sections: [],
  currentSection: null,
  timer: null,
  spentMs: {},
  startedAt: null,
  endedAt: null,
  feedback: {},
  sharedFeedback: null,
  feedbackFinalAt: null,
  nextRound: null,
  breaks: [],
  sectionStarts: [],
}

/** Reads the control document; missing keys fall back to the initial state. */
export function readSessionState(doc: Y.Doc): SessionState {
  const map = doc.getMap<unknown>(SESSION_MAP)
  const out: Record<string, unknown> = { ...initialSessionState }
  for (const key of Object.keys(initialSessionState)) {
    if (map.has(key)) out[key] = map.get(key)
  }
  return out as unknown as SessionState
}
