import { templates } from './templates'
import type { AnswerTemplate, QuestionType } from './types'

export function getTemplate(type: QuestionType): AnswerTemplate {
  return templates[type]
}
