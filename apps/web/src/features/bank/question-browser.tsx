'use client'

import { filterQuestions, type Question } from '@mockroom/questions'
import { useDeferredValue, useMemo, useState } from 'react'
import { QuestionCard } from './question-card'
import { emptyFilter, QuestionFilters, type FilterValues } from './question-filters'

interface Props {
  /** the bank without interviewer hints (the server strips them before they reach the browser) */
  questions: ReadonlyArray<Question>
  companies: ReadonlyArray<string>
}

// The whole (hint-free) bank ships with the page, so filtering is instant and works offline.
export function QuestionBrowser({ questions, companies }: Props) {
  const [filter, setFilter] = useState<FilterValues>(emptyFilter)
  // typing stays responsive while the list re-renders
  const deferred = useDeferredValue(filter)
  const results = useMemo(
    () =>
      filterQuestions(questions, {
        query: deferred.query,
        type: deferred.type || undefined,
        company: deferred.company || undefined,
        difficulty: deferred.difficulty || undefined,
      }),
    [deferred, questions],
  )
  const total = questions.length
  const count =
    results.length === total
      ? `Showing all ${total} questions`
      : `Showing ${results.length} of ${total} questions`

  return (
    <section id="question-bank" className="bank" aria-labelledby="question-bank-title">
      <h2 id="question-bank-title">Question bank</h2>
      <QuestionFilters value={filter} onChange={setFilter} companies={companies} />
      <p className="result-count" aria-live="polite">
        {count}
      </p>
      {results.length === 0 ? (
        <p className="empty">No questions match. Try fewer words or clear a filter.</p>
      ) : (
        <ul className="question-list">
          {results.map((question) => (
            <li key={question.id}>
              <QuestionCard question={question} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
