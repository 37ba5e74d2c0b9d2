import { questions } from './questions'
import type { Question } from './types'

export function getQuestion(id: string): Question | undefined {
  return questions.find((question) => question.id === id)
}
