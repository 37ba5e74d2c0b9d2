import type { Question, QuestionGuide } from '@mockroom/questions'
import { useSyncExternalStore } from 'react'

// The interviewer's guides (rubric, checklist, follow-ups) of a coach's questions, by question
// id: the question stage has the interviewer's questions, the notes panels only the public one.
const guides = new Map<string, QuestionGuide>()
const listeners = new Set<() => void>()

export function publishGuides(questions: readonly Question[]): void {
  let changed = false
  for (const q of questions)
    if (q.guide && guides.get(q.id) !== q.guide) {
      guides.set(q.id, q.guide)
      changed = true
    }
  if (changed) for (const l of listeners) l()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The guide of a coach's question (undefined for the bank's, and for anyone but the interviewer). */
export function useQuestionGuide(questionId: string | undefined): QuestionGuide | undefined {
  return useSyncExternalStore(
    subscribe,
    () => (questionId ? guides.get(questionId) : undefined),
    () => undefined,
  )
}
