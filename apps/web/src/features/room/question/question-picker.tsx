'use client'

import { chooseQuestion, chosenQuestionId, type SessionState } from '@mockroom/session-model'
import type { Question } from '@mockroom/questions'
import { useEffect } from 'react'
import type { RoomConnection } from '../session/use-room-session'
import { useControlAction, type SendControl } from '../session/use-control-action'
import { useDocValue } from '../session/use-doc-value'
import { FollowUps, InterviewerHints } from './question-summary'
import { QuestionPrompt } from '../../../ui/question-prompt'
import { QuestionSelect } from './question-select'
import { typeLabel } from '../../bank/type-label'

interface Props {
  questions: Question[]
  /** the room's question, used until the interviewer picks another */
  initial: Question
  privateDoc: RoomConnection | null
  privateSynced: boolean
  state: SessionState
  sendControl: SendControl
}

// Interviewer, before the start: pick the question (kept in the private doc, so a reload or a
// second tab remembers it) and reveal it; the candidate sees nothing of it until then.
export function QuestionPicker(props: Props) {
  const { questions, initial, privateDoc, privateSynced, state, sendControl } = props
  const doc = privateDoc?.doc ?? null
  const chosen = useDocValue(doc, chosenQuestionId, null)
  const reveal = useControlAction(sendControl)

  // Only once synced: writing before would race a pick stored by an earlier visit.
  useEffect(() => {
    if (doc && privateSynced && chosenQuestionId(doc) === null) chooseQuestion(doc, initial.id)
  }, [doc, privateSynced, initial.id])

  const question = questions.find((q) => q.id === chosen) ?? initial
  const revealed = state.question?.id === question.id

  return (
    <section className="card question-picker" aria-labelledby="picker-title">
      <h1 id="picker-title" className="question-picker__title">
        Choose the question
      </h1>
      <QuestionSelect
        label="Question"
        questions={questions}
        value={question.id}
        disabled={!doc}
        onChange={(id) => {
          if (doc) chooseQuestion(doc, id)
        }}
      />
      <div className="question-picker__chosen">
        <p className="eyebrow">
          {typeLabel(question.type)} · {question.company}
        </p>
        <h2>{question.title}</h2>
        <QuestionPrompt question={question} className="question-summary__prompt" />
        <InterviewerHints hints={question.hints ?? []} />
        <FollowUps followUps={question.guide?.followUps ?? []} />
      </div>
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={reveal.busy || revealed}
          aria-busy={reveal.busy}
          onClick={() => void reveal.run({ type: 'reveal', questionId: question.id })}
        >
          Reveal question
        </button>
        <p className="hint" role="status">
          {revealed
            ? 'Revealed: everyone sees this question now. You can still switch before the start; another question starts a fresh answer.'
            : 'Only you see this until you reveal it.'}
        </p>
      </div>
      {reveal.error && (
        <p role="alert" className="alert">
          {reveal.error}
        </p>
      )}
    </section>
  )
}
