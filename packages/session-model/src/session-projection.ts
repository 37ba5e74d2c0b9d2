import type * as Y from 'yjs'
import { closeStretch, setSession, timerFor } from './session-actions'
import { activeBreak, settleBreak } from './thinking-break'
import {
  readSessionState,
  type PublicQuestion,
  type SectionPlan,
  type SessionMode,
  type SessionStatus,
} from './session-state'

/** What the sessions row (the authority) says about a round's lifecycle. */
export interface LifecycleFacts {
  status: SessionStatus
  mode: SessionMode
  round: number
  /** the revealed question with its sections; null before the reveal */
  revealed: { question: PublicQuestion; sections: SectionPlan[] } | null
  endedAt: number | null
  /** the round that followed this one, once the interviewer started it */
  nextRound: { sessionId: string; round: number } | null
}

/**
 * Makes the control document agree with the sessions row, in one transaction and a fixed order:
 * mode and round, revealed question, start, end, next round. It only moves forward (the row never
 * goes back) and writes nothing where the document already agrees, so running it on every load
 * repairs a document whose last projection was lost and leaves a good one untouched.
 */
export function projectLifecycle(doc: Y.Doc, facts: LifecycleFacts, now: number): void {
  doc.transact(() => {
    const s = readSessionState(doc)
    if (s.mode !== facts.mode) setSession(doc, { mode: facts.mode })
    if (s.round !== facts.round) setSession(doc, { round: facts.round })
    const { revealed } = facts
    if (revealed && s.status === 'lobby' && s.question?.id !== revealed.question.id) {
      setSession(doc, { question: revealed.question, sections: revealed.sections })
    }
    const first = (revealed?.sections ?? s.sections)[0]
    if (facts.status === 'live' && s.status === 'lobby' && first) {
      setSession(doc, {
        status: 'live',
        startedAt: now,
        currentSection: first.key,
        timer: timerFor(first.key, now),
        sectionStarts: [{ sectionKey: first.key, at: now }],
      })
    }
    if (facts.status === 'ended' && s.status !== 'ended') {
      const at = facts.endedAt ?? now
      const current = readSessionState(doc)
      // a running thinking break ends with the interview; its unused part is not counted
      const settled = settleBreak(current.breaks, current.timer, at)
      if (activeBreak(current.breaks, at)) setSession(doc, { breaks: settled.breaks })
      setSession(doc, {
        status: 'ended',
        endedAt: at,
        spentMs: closeStretch({ ...current, timer: settled.timer }, at),
        timer: null,
      })
    }
    if (facts.nextRound && !s.nextRound) {
      // the room moves on to the next round: this round's feedback is final
      setSession(doc, {
        nextRound: facts.nextRound,
        feedbackFinalAt: readSessionState(doc).feedbackFinalAt ?? facts.endedAt ?? now,
      })
    }
  })
}
