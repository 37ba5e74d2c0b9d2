import type { PublicQuestion } from '@mockroom/session-model'
import type { QuestionType } from '@mockroom/questions'
import { typeLabel } from '../../bank/type-label'
import { QuestionPrompt } from '../../../ui/question-prompt'

interface Props {
  question: PublicQuestion
  /** interviewer only: never passed for anyone else */
  hints?: string[]
  /** interviewer only: a coach's follow-up questions */
  followUps?: string[]
}

// The revealed question at the top of the room. Hints are for the interviewer's eyes only.
export function QuestionSummary({ question, hints = [], followUps = [] }: Props) {
  return (
    <section className="card question-summary" aria-labelledby="room-question-title">
      <p className="eyebrow">
        {typeLabel(question.type as QuestionType)} · {question.company}
      </p>
      <h1 id="room-question-title">{question.title}</h1>
      <QuestionPrompt question={question} className="question-summary__prompt" />
      <InterviewerHints hints={hints} />
      <FollowUps followUps={followUps} />
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

export function FollowUps({ followUps }: { followUps: string[] }) {
  if (followUps.length === 0) return null
  return (
    <details className="hints">
      <summary>Follow-up questions for the interviewer</summary>
      <ul>
        {followUps.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
    </details>
  )
}
