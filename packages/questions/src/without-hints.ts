import type { Question } from './types'

/** A question as anyone but the interviewer may see it: hints and the guide are interviewer-only. */
export function withoutHints(question: Question): Question {
  const { hints: _hints, guide: _guide, ...rest } = question
  return rest
}
