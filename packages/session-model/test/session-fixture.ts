import * as Y from 'yjs'
import { initSessionState } from '../src/session-actions'
import { projectLifecycle, type LifecycleFacts } from '../src/session-projection'
import { readSessionState, type SessionStatus } from '../src/session-state'

// For tests: a two-section question, revealed in a fresh control document.
export const fixtureQuestion = {
  question: {
    id: 'q',
    title: 'T',
    prompt: 'P',
    type: 'root-cause',
    company: 'C',
    tags: [],
    difficulty: 'easy',
  },
  sections: [
    { key: 'clarify', title: 'Clarify', prompt: '', minutes: 3 },
    { key: 'fix', title: 'Fix', prompt: '', minutes: 5 },
  ],
}

// What a sessions row with the fixture question says, as the sync server projects it.
function row(doc: Y.Doc, status: SessionStatus, endedAt: number | null = null): LifecycleFacts {
  const { mode } = readSessionState(doc)
  return { status, mode, round: 1, revealed: fixtureQuestion, endedAt, nextRound: null }
}

export function revealedSession(mode: 'interview' | 'practice' = 'interview'): Y.Doc {
  const doc = new Y.Doc()
  initSessionState(doc, { mode, round: 1 })
  projectLifecycle(doc, row(doc, 'lobby'), 0)
  return doc
}

/** The row went live at `now`. */
export function startSession(doc: Y.Doc, now: number): void {
  projectLifecycle(doc, row(doc, 'live'), now)
}

/** The row ended at `now`. */
export function endSession(doc: Y.Doc, now: number): void {
  projectLifecycle(doc, row(doc, 'ended', now), now)
}
