import type * as Y from 'yjs'

/** The control document's root map holding the recording state (the sync server writes it). */
export const RECORDING_MAP = 'recording'

export type ConsentAnswer = 'pending' | 'allow' | 'refuse'

/**
 * `off`: nobody asked (or the interviewer stopped); `asking`: someone who speaks has not answered
 * yet (a newcomer pauses a running recording the same way); `refused`: someone who speaks said no,
 * so nobody is recorded; `recording`: everyone who speaks allowed.
 */
export type RecordingStatus = 'off' | 'asking' | 'refused' | 'recording'

export interface RecordingPerson {
  participantId: string
  name: string
  role: string
  answer: ConsentAnswer
}

/** What every browser sees of the recording (control document, written by the server only). */
export interface RecordingView {
  status: RecordingStatus
  requestId: string | null
  askedBy: string | null
  askedAt: number | null
  stoppedAt: number | null
  /** the people who speak in this round and their answers; observers are told, never asked */
  people: RecordingPerson[]
  /** some audio was recorded in this session (the review and /sessions say so) */
  hasAudio: boolean
}

export const recordingOff: RecordingView = {
  status: 'off',
  requestId: null,
  askedBy: null,
  askedAt: null,
  stoppedAt: null,
  people: [],
  hasAudio: false,
}

/** A person who speaks in this round, with when they joined it (server ms). */
export interface RecordingSpeaker {
  participantId: string
  name: string
  role: string
  joinedAt: number
}

export interface ConsentFacts {
  request: { id: string; askedBy: string; askedAt: number; stoppedAt: number | null } | null
  /** interviewer and candidate of the round who were admitted and not removed */
  speakers: RecordingSpeaker[]
  /** every receipt of the request in order; a later one replaces an earlier one of that person */
  receipts: Array<{ participantId: string; answer: 'allow' | 'refuse'; createdAt: number }>
  hasAudio: boolean
}

export interface ConsentDecision {
  view: RecordingView
  /**
   * since when recording has been held back (a refusal's or a pending newcomer's time), null when
   * it records or never asked; chunks recorded just before it still count for a grace period
   */
  blockedSince: number | null
}

/**
 * Who must allow and whether recording runs. Everyone who speaks must allow; one refusal records
 * nobody; a newcomer who speaks holds recording back for everyone until they allow (or the
 * interviewer stops it). Observers are never asked and never recorded.
 */
export function decideRecording(facts: ConsentFacts): ConsentDecision {
  const { request } = facts
  if (!request || request.stoppedAt !== null) {
    return {
      view: {
        ...recordingOff,
        requestId: request?.id ?? null,
        askedBy: request?.askedBy ?? null,
        askedAt: request?.askedAt ?? null,
        stoppedAt: request?.stoppedAt ?? null,
        hasAudio: facts.hasAudio,
      },
      blockedSince: null,
    }
  }
  const latest = new Map<string, { answer: 'allow' | 'refuse'; createdAt: number }>()
  for (const r of facts.receipts) latest.set(r.participantId, r)
  let blockedSince: number | null = null
  const block = (t: number) =>
    (blockedSince = blockedSince === null ? t : Math.min(blockedSince, t))
  const people: RecordingPerson[] = facts.speakers.map((s) => {
    const answer = latest.get(s.participantId)
    if (!answer) block(Math.max(s.joinedAt, request.askedAt))
    else if (answer.answer === 'refuse') block(answer.createdAt)
    return {
      participantId: s.participantId,
      name: s.name,
      role: s.role,
      answer: answer?.answer ?? 'pending',
    }
  })
  const status: RecordingStatus = people.some((p) => p.answer === 'refuse')
    ? 'refused'
    : people.some((p) => p.answer === 'pending') || people.length === 0
      ? 'asking'
      : 'recording'
  return {
    view: {
      status,
      requestId: request.id,
      askedBy: request.askedBy,
      askedAt: request.askedAt,
      stoppedAt: null,
      people,
      hasAudio: facts.hasAudio,
    },
    blockedSince: status === 'recording' ? null : (blockedSince ?? request.askedAt),
  }
}

/**
 * Whether a chunk of `participantId` may be stored now: recording runs and they allowed, or it was
 * held back (or stopped) less than `graceMs` ago and they had allowed.
 */
export function mayStoreChunk(
  decision: ConsentDecision,
  participantId: string,
  now: number,
  graceMs: number,
  allowedBefore: boolean,
): boolean {
  const { view, blockedSince } = decision
  const me = view.people.find((p) => p.participantId === participantId)
  if (view.status === 'recording') return me?.answer === 'allow'
  if (!allowedBefore) return false
  // a person who withdrew their consent is not recorded any further, grace or not
  if (me && me.answer === 'refuse') return false
  const since = view.stoppedAt ?? blockedSince
  return since !== null && now - since <= graceMs
}

/** Reads the recording state from a control document (off when never asked). */
export function readRecording(doc: Y.Doc): RecordingView {
  const raw = doc.getMap(RECORDING_MAP).get('view') as RecordingView | undefined
  return raw ? { ...recordingOff, ...raw } : recordingOff
}

/** Writes the recording state; only when it changed, so nothing grows the history needlessly. */
export function writeRecording(doc: Y.Doc, view: RecordingView): boolean {
  const map = doc.getMap(RECORDING_MAP)
  if (JSON.stringify(map.get('view') ?? null) === JSON.stringify(view)) return false
  map.set('view', view)
  return true
}
