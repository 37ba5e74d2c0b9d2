import { questions } from './questions'

export const companies: ReadonlyArray<string> = [...new Set(questions.map((q) => q.company))].sort(
  (a, b) => a.localeCompare(b, 'en'),
)
