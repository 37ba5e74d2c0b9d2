'use client'

import type { Question } from '@mockroom/questions'
import { useState } from 'react'
import { useControlAction, type SendControl } from '../session/use-control-action'
import { QuestionSelect } from '../question/question-select'
import { ErrorAlert } from '../../../ui/error-alert'

interface Props {
  round: number
  questions: Question[]
  /** a different question than this round's, so the new interviewer does not get a rerun */
  suggested: string
  sendControl: SendControl
}

// Interviewer: swap seats. The server ends this session and opens the next round with the roles
// swapped; every browser follows the announcement in the control document.
export function NextRoundForm({ round, questions, suggested, sendControl }: Props) {
  const next = round + 1
  const [questionId, setQuestionId] = useState(suggested)
  const { run, busy, error } = useControlAction(sendControl)
  const swap = async () => {
    // no call close here: the call closed at the end, and round 2 shares the room's call
    await run({ type: 'next-round', questionId })
  }
  return (
    <div className="next-round">
      <h3>Swap roles</h3>
      <p className="hint">
        Your candidate interviews you next. Pick the question for them to ask; they can still change
        it before revealing it. This round’s answer stays as it is.
      </p>
      <QuestionSelect
        label={`Question for round ${next}`}
        questions={questions}
        value={questionId}
        onChange={setQuestionId}
        disabled={busy}
      />
      <button
        type="button"
        className="button button--primary"
        disabled={busy || questionId === ''}
        aria-busy={busy}
        onClick={() => void swap()}
      >
        Swap roles and start round {next}
      </button>
      <ErrorAlert message={error} />
    </div>
  )
}
