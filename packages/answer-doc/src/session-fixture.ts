import * as Y from 'yjs'
import { applySessionAction, initSessionState } from './session-actions'

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

export function revealedSession(mode: 'interview' | 'practice' = 'interview'): Y.Doc {
  const doc = new Y.Doc()
  initSessionState(doc, { mode, round: 1 })
  applySessionAction(doc, { type: 'reveal', questionId: 'q' }, 0, fixtureQuestion)
  return doc
}
