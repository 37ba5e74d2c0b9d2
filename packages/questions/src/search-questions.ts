import { questions } from './questions'
import type { Question, QuestionFilter } from './types'

function searchableText(question: Question): string {
  // hints are interviewer-only, so they must never make a question match a candidate's search
  return [question.title, question.prompt, question.company, ...question.tags]
    .join('\n')
    .toLowerCase()
}

export function searchQuestions(filter: QuestionFilter): Question[] {
  return filterQuestions(questions, filter)
}

/** The same search over any list, e.g. the hint-free copy a browser page receives. */
export function filterQuestions<Q extends Question>(
  list: ReadonlyArray<Q>,
  filter: QuestionFilter,
): Q[] {
  // every whitespace-separated word must match somewhere, so "wechat fintech" finds questions
  // whose company and tag each supply one of the words
  const terms = (filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  const company = filter.company?.trim().toLowerCase()

  return list.filter((question) => {
    if (filter.type && question.type !== filter.type) return false
    if (filter.difficulty && question.difficulty !== filter.difficulty) return false
    if (company && question.company.toLowerCase() !== company) return false
    if (terms.length === 0) return true
    const text = searchableText(question)
    return terms.every((term) => text.includes(term))
  })
}
