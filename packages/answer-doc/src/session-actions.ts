import type { ControlAction } from '@mockroom/protocol'
import * as Y from 'yjs'
import {
  readSessionState,
  sectionElapsedMs,
  SESSION_MAP,
  type PublicQuestion,
  type SectionPlan,
  type SessionMode,
  type SessionState,
  type SharedFeedback,
} from './session-state'
import { activeBreak, MAX_BREAKS, settleBreak, startBreak } from './thinking-break'

export class ActionError extends Error {}

function set(doc: Y.Doc, patch: Partial<SessionState>) {
  const map = doc.getMap<unknown>(SESSION_MAP)
  for (const [k, v] of Object.entries(patch)) map.set(k, v)
}

/** Fills an empty control document (first load of a session). */
export function initSessionState(doc: Y.Doc, init: { mode: SessionMode; round: number }) {
  doc.transact(() => set(doc, { status: 'lobby', mode: init.mode, round: init.round }))
}

// Adds the running stretch of the current section to its spent time.
function closeStretch(s: SessionState, now: number): Record<string, number> {
  if (!s.timer) return s.spentMs
  const key = s.timer.sectionKey
  return { ...s.spentMs, [key]: (s.spentMs[key] ?? 0) + sectionElapsedMs(s.timer, now) }
}

const timerFor = (sectionKey: string, now: number) => ({
  sectionKey,
  startedAt: now,
  pausedAt: null,
  pausedMs: 0,
})

/**
 * Applies one control action to the control document. Pure document logic: the caller resolves
 * questions (`reveal` needs the public question and its sections) and does any I/O.
 */
export function applySessionAction(
  doc: Y.Doc,
  action: Exclude<
    ControlAction,
    {
      type:
        | 'next-round'
        | 'remove'
        | 'share-feedback'
        | 'finalize-feedback'
        | 'transcript'
        | 'note'
        | 'talk'
    }
  >,
  now: number,
  resolved?: { question: PublicQuestion; sections: SectionPlan[] },
): void {
  const read = readSessionState(doc)
  if (read.status === 'ended') throw new ActionError('the interview has ended')
  // Next, Pause and End end a running break first (its unused part goes back to the clock)
  const settles = action.type === 'next' || action.type === 'pause' || action.type === 'end'
  const s = settles ? { ...read, ...settleBreak(read.breaks, read.timer, now) } : read
  doc.transact(() => {
    if (settles && s.breaks !== read.breaks) set(doc, { breaks: s.breaks })
    switch (action.type) {
      case 'reveal':
        if (s.status !== 'lobby')
          throw new ActionError('the question can only change before the start')
        if (!resolved) throw new ActionError('unknown question')
        return set(doc, { question: resolved.question, sections: resolved.sections })
      case 'start': {
        if (s.status !== 'lobby') throw new ActionError('the interview has already started')
        const first = s.sections[0]
        if (!s.question || !first) throw new ActionError('reveal a question first')
        return set(doc, {
          status: 'live',
          startedAt: now,
          currentSection: first.key,
          timer: timerFor(first.key, now),
        })
      }
      case 'take-break': {
        if (s.status !== 'live' || !s.timer) throw new ActionError('the interview is not running')
        if (s.timer.pausedAt !== null) throw new ActionError('the clock is paused already')
        if (activeBreak(s.breaks, now)) throw new ActionError('a break is running')
        if (s.breaks.length >= MAX_BREAKS)
          throw new ActionError(`at most ${MAX_BREAKS} thinking breaks per interview`)
        return set(doc, startBreak(s.breaks, s.timer, now))
      }
      case 'end-break': {
        if (!activeBreak(s.breaks, now)) throw new ActionError('no break is running')
        return set(doc, settleBreak(s.breaks, s.timer, now))
      }
      case 'next': {
        if (s.status !== 'live') throw new ActionError('the interview is not running')
        const i = s.sections.findIndex((x) => x.key === s.currentSection)
        const next = s.sections[i + 1]
        if (!next) throw new ActionError('this is the last section')
        return set(doc, {
          spentMs: closeStretch(s, now),
          currentSection: next.key,
          timer: timerFor(next.key, now),
        })
      }
      case 'pause':
        if (s.status !== 'live' || !s.timer || s.timer.pausedAt !== null)
          throw new ActionError('nothing to pause')
        return set(doc, { timer: { ...s.timer, pausedAt: now } })
      case 'resume': {
        if (s.status !== 'live' || !s.timer || s.timer.pausedAt === null)
          throw new ActionError('not paused')
        const pausedMs = s.timer.pausedMs + (now - s.timer.pausedAt)
        return set(doc, { timer: { ...s.timer, pausedAt: null, pausedMs } })
      }
      case 'end':
        return set(doc, {
          status: 'ended',
          endedAt: now,
          spentMs: closeStretch(s, now),
          timer: null,
        })
      case 'feedback': {
        if (s.mode !== 'practice') throw new ActionError('section feedback is for practice mode')
        if (!s.sections.some((x) => x.key === action.sectionKey))
          throw new ActionError('unknown section')
        return set(doc, { feedback: { ...s.feedback, [action.sectionKey]: action.text } })
      }
    }
  })
}

export function shareFeedback(doc: Y.Doc, feedback: SharedFeedback): void {
  const s = readSessionState(doc)
  if (s.status !== 'ended') throw new ActionError('share feedback after the interview ends')
  // sharing finalizes: the candidate reads what the interviewer's review keeps
  doc.transact(() =>
    set(doc, { sharedFeedback: feedback, feedbackFinalAt: s.feedbackFinalAt ?? feedback.sharedAt }),
  )
}

/** The interviewer is done scoring: from now on the notes and rubric are final. */
export function finalizeFeedback(doc: Y.Doc, now: number): void {
  const s = readSessionState(doc)
  if (s.status !== 'ended') throw new ActionError('finalize feedback after the interview ends')
  if (s.feedbackFinalAt !== null) return
  doc.transact(() => set(doc, { feedbackFinalAt: now }))
}

export function announceNextRound(
  doc: Y.Doc,
  next: { sessionId: string; round: number },
  now: number,
): void {
  const s = readSessionState(doc)
  doc.transact(() => {
    if (s.status !== 'ended')
      set(doc, { status: 'ended', endedAt: now, spentMs: closeStretch(s, now), timer: null })
    // the room moves on to the next round: this round's feedback is final
    set(doc, { nextRound: next, feedbackFinalAt: s.feedbackFinalAt ?? now })
  })
}
