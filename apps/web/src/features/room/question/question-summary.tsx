import type { PublicQuestion } from '@mockroom/session-model'
import type { QuestionType } from '@mockroom/questions'
import { typeLabel } from '../../bank/type-label'

interface Props {
  question: PublicQuestion
  /** interviewer only: never passed for anyone else */
  hints?: string[]
}

// The revealed question at the top of the room. Hints are for the interviewer's eyes only.
export function QuestionSummary({ question, hints = [] }: Props) {
  return (
    <section className="card question-summary" aria-labelledby="room-question-title">
      <p className="eyebrow">
        {typeLabel(question.type as QuestionType)} · {question.company}
      </p>
      <h1 id="room-question-title">{question.title}</h1>
      <p className="question-summary__prompt">{question.prompt}</p>
      <InterviewerHints hints={hints} />
    </section>
  )
}

export function InterviewerHints({ hints }: { hints: string[] }) {
  if (hints.length === 0) return null
  return (
    <details className="hints">
      <summary>Hints for the interviewer (give them only when asked)</summary>
      <ul>
        {hints.map((hint) => (
          <li key={hint}>{hint}</li>
        ))}
      </ul>
    </details>
  )
}
