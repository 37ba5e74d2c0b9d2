import type { Question } from './types'

/** A question as anyone but the interviewer may see it: hints are interviewer-only. */
export function withoutHints(question: Question): Question {
  const { hints: _hints, ...rest } = question
  return rest
}
