import type { AiReview } from './ai-review'
import type { ClarifyRow } from './clarify-rows'
import type { TalkSpan } from './talk-time'
import type { TranscriptSegment } from './transcript'
import type { PublicQuestion, SectionPlan, SectionStart, SharedFeedback } from './session-state'

/**
 * The saved session as the review page and the JSON export see it (schema `mockroom.session/1`,
 * documented in docs/architecture.md). What is in it depends on the viewer's role in that round.
 */
export interface SessionRecord {
  schema: 'mockroom.session/1'
  session: {
    id: string
    roomId: string
    round: number
    mode: 'interview' | 'practice'
    status: 'lobby' | 'live' | 'ended'
    createdAt: number
    startedAt: number | null
    endedAt: number | null
  }
  viewer: { role: 'interviewer' | 'candidate' | 'observer' }
  question: PublicQuestion | null
  sections: Array<SectionPlan & { spentMs: number }>
  /** the candidate's thinking breaks: the section they paused and when (server time) */
  breaks: Array<{ sectionKey: string; startedAt: number; endedAt: number }>
  /** when each section's clock started, in order (absent in records saved before it existed) */
  sectionStarts?: SectionStart[]
  /** one row per person who was in the room during this round, in joining order; `color` is
   * theirs in the room, the replay and the exports */
  participants: Array<{ id: string; name: string; role: string; color: string }>
  transcript: TranscriptSegment[]
  /** who spoke when in the call (LiveKit's active-speaker signal), for talk time */
  talk: TalkSpan[]
  /** every stored update of the answer document, in order, for replay */
  answerUpdates: Array<{ at: number; author: string; data: string /* base64 */ }>
  /** who wrote what: characters of each section's final text per participant id */
  authorship: Record<string, Array<{ author: string; chars: number }>>
  /** the final answer per section, as Markdown (Clarify's rows as a table above its prose) */
  answer: Record<string, string>
  /** the final clarifying questions of the Clarify section, in order */
  clarifyRows: ClarifyRow[]
  /** practice-mode feedback per section */
  sectionFeedback: Record<string, string>
  /** what the interviewer shared (null until shared) */
  sharedFeedback: SharedFeedback | null
  /** interviewer only: the private rubric and notes */
  private: {
    rubric: Record<string, { score: number | null; comment: string }>
    overall: { recommendation: string | null; comment: string }
    notes: string
    /** checklist items ticked as covered, per section */
    coverage: Record<string, string[]>
    /** the AI reviewer's review, as edited, when one was asked for */
    aiReview?: AiReview | null
  } | null
  /** the interviewer finalized or shared the feedback (or moved on to the next round) */
  feedbackFinal: boolean
  /** the server's transcription of recorded tracks (absent in records saved before it existed) */
  transcription?: TranscriptionStatus
  /** the recorded audio, one track per speaker segment (absent in records saved before it) */
  audio?: RecordedAudio
}

/** The session's recorded tracks (recording with consent), placed on the session clock. */
export interface RecordedAudio {
  tracks: Array<{
    trackId: string
    participantId: string
    name: string
    role: string
    /** server ms of the track's first sample */
    startedAt: number
    durationMs: number | null
    mimeType: string
  }>
}

/** Where the server's transcription of each recorded track stands. */
export interface TranscriptionStatus {
  tracks: Array<{
    trackId: string
    participantId: string
    name: string
    status: 'queued' | 'running' | 'done' | 'failed'
    /** 0..1 */
    progress: number
  }>
}

/** One round of a room as the sessions list shows it (GET /api/review/<capability>). */
export interface SessionSummary {
  sessionId: string
  round: number
  /** the viewer's role in that round (interviewer and candidate swap in even rounds) */
  role: string
  questionTitle: string | null
  status: string
  createdAt: number
  startedAt: number | null
  endedAt: number | null
  participants: Array<{ name: string; role: string }>
  /** the rubric scores the viewer received as the candidate in that round, once shared */
  scores: Array<{ section: string; score: number }>
  /** the round has recorded audio */
  hasAudio?: boolean
}
