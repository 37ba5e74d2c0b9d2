import type { ControlAction } from '@mockroom/protocol'
import * as Y from 'yjs'
import {
  readSessionState,
  SESSION_MAP,
  type SessionMode,
  type SessionState,
  type SharedFeedback,
} from './session-state'
import { sectionElapsedMs } from './section-timer'
import { activeBreak, MAX_BREAKS, settleBreak, startBreak } from './thinking-break'

export class ActionError extends Error {}

/** Writes fields of the control document's session map (the server's only writer). */
export function setSession(doc: Y.Doc, patch: Partial<SessionState>) {
  const map = doc.getMap<unknown>(SESSION_MAP)
  for (const [k, v] of Object.entries(patch)) map.set(k, v)
}

/** Fills an empty control document (first load of a session). */
export function initSessionState(doc: Y.Doc, init: { mode: SessionMode; round: number }) {
  doc.transact(() => setSession(doc, { status: 'lobby', mode: init.mode, round: init.round }))
}

// Adds the running stretch of the current section to its spent time.
export function closeStretch(s: SessionState, now: number): Record<string, number> {
  if (!s.timer) return s.spentMs
  const key = s.timer.sectionKey
  return { ...s.spentMs, [key]: (s.spentMs[key] ?? 0) + sectionElapsedMs(s.timer, now) }
}

export const timerFor = (sectionKey: string, now: number) => ({
  sectionKey,
  startedAt: now,
  pausedAt: null,
  pausedMs: 0,
})

/**
 * Applies one in-round action (timer, practice feedback) to the control document. Lifecycle
 * changes (reveal, start, end, next round) come from the sessions row: see session-projection.ts.
 */
export function applySessionAction(
  doc: Y.Doc,
  action: Extract<
    ControlAction,
    { type: 'next' | 'pause' | 'resume' | 'feedback' | 'take-break' | 'end-break' }
  >,
  now: number,
): void {
  const read = readSessionState(doc)
  if (read.status === 'ended') throw new ActionError('the interview has ended')
  // Next and Pause end a running break first (its unused part goes back to the clock); the end
  // does the same in projectLifecycle
  const settles = action.type === 'next' || action.type === 'pause'
  const s = settles ? { ...read, ...settleBreak(read.breaks, read.timer, now) } : read
  doc.transact(() => {
    if (settles && s.breaks !== read.breaks) setSession(doc, { breaks: s.breaks })
    switch (action.type) {
      case 'take-break': {
        if (s.status !== 'live' || !s.timer) throw new ActionError('the interview is not running')
        if (s.timer.pausedAt !== null) throw new ActionError('the clock is paused already')
        if (activeBreak(s.breaks, now)) throw new ActionError('a break is running')
        if (s.breaks.length >= MAX_BREAKS)
          throw new ActionError(`at most ${MAX_BREAKS} thinking breaks per interview`)
        return setSession(doc, startBreak(s.breaks, s.timer, now))
      }
      case 'end-break': {
        if (!activeBreak(s.breaks, now)) throw new ActionError('no break is running')
        return setSession(doc, settleBreak(s.breaks, s.timer, now))
      }
      case 'next': {
        if (s.status !== 'live') throw new ActionError('the interview is not running')
        if (action.from !== undefined && action.from !== s.currentSection)
          throw new ActionError('the section has already moved on')
        const i = s.sections.findIndex((x) => x.key === s.currentSection)
        const next = s.sections[i + 1]
        if (!next) throw new ActionError('this is the last section')
        return setSession(doc, {
          spentMs: closeStretch(s, now),
          currentSection: next.key,
          timer: timerFor(next.key, now),
          sectionStarts: [...s.sectionStarts, { sectionKey: next.key, at: now }],
        })
      }
      case 'pause':
        if (s.status !== 'live' || !s.timer || s.timer.pausedAt !== null)
          throw new ActionError('nothing to pause')
        return setSession(doc, { timer: { ...s.timer, pausedAt: now } })
      case 'resume': {
        if (s.status !== 'live' || !s.timer || s.timer.pausedAt === null)
          throw new ActionError('not paused')
        const pausedMs = s.timer.pausedMs + (now - s.timer.pausedAt)
        return setSession(doc, { timer: { ...s.timer, pausedAt: null, pausedMs } })
      }
      case 'feedback': {
        if (s.mode !== 'practice') throw new ActionError('section feedback is for practice mode')
        if (!s.sections.some((x) => x.key === action.sectionKey))
          throw new ActionError('unknown section')
        return setSession(doc, { feedback: { ...s.feedback, [action.sectionKey]: action.text } })
      }
    }
  })
}

export function shareFeedback(doc: Y.Doc, feedback: SharedFeedback): void {
  const s = readSessionState(doc)
  if (s.status !== 'ended') throw new ActionError('share feedback after the interview ends')
  // sharing finalizes: the candidate reads what the interviewer's review keeps
  doc.transact(() =>
    setSession(doc, {
      sharedFeedback: feedback,
      feedbackFinalAt: s.feedbackFinalAt ?? feedback.sharedAt,
    }),
  )
}

/** The interviewer is done scoring: from now on the notes and rubric are final. */
export function finalizeFeedback(doc: Y.Doc, now: number): void {
  const s = readSessionState(doc)
  if (s.status !== 'ended') throw new ActionError('finalize feedback after the interview ends')
  if (s.feedbackFinalAt !== null) return
  doc.transact(() => setSession(doc, { feedbackFinalAt: now }))
}
