import type { Role } from '@mockroom/access'
import type { Question } from '@mockroom/questions'
import { typeLabel } from './type-label'

// The question at the top of the room. Hints are for the interviewer's eyes only.
export function QuestionSummary({ question, role }: { question: Question; role: Role }) {
  const hints = role === 'interviewer' ? (question.hints ?? []) : []
  return (
    <section className="card question-summary" aria-labelledby="room-question-title">
      <p className="eyebrow">
        {typeLabel(question.type)} · {question.company}
      </p>
      <h1 id="room-question-title">{question.title}</h1>
      <p className="question-summary__prompt">{question.prompt}</p>
      {hints.length > 0 && (
        <details className="hints">
          <summary>Hints for the interviewer (give them only when asked)</summary>
          <ul>
            {hints.map((hint) => (
              <li key={hint}>{hint}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
