import type { SessionState } from '@mockroom/session-model'
import type { Question } from '@mockroom/questions'
import type { SendControl } from '../session/use-control-action'
import type { RoomConnection } from '../session/use-room-session'
import { QuestionPicker } from './question-picker'
import { QuestionSummary } from './question-summary'
import { publishGuides } from './question-guides'
import { useEffect } from 'react'

interface Props {
  state: SessionState
  /** interviewer only: the bank with hints, this session's question and the private doc */
  interviewer: {
    questions: Question[]
    initial: Question
    privateDoc: RoomConnection | null
    privateSynced: boolean
    sendControl: SendControl
  } | null
}

// What sits above the answer: the interviewer's picker before the start, the revealed question
// for everyone after, and a waiting note for the others until the reveal.
export function QuestionStage({ state, interviewer }: Props) {
  const questions = interviewer?.questions
  useEffect(() => publishGuides(questions ?? []), [questions])
  if (interviewer && state.status === 'lobby')
    return <QuestionPicker state={state} {...interviewer} />
  if (state.question) {
    const own = interviewer?.questions.find((q) => q.id === state.question?.id)
    return (
      <QuestionSummary
        question={state.question}
        hints={own?.hints}
        followUps={own?.guide?.followUps}
      />
    )
  }
  return (
    <section className="card waiting" aria-labelledby="waiting-title">
      <h1 id="waiting-title">Mock interview</h1>
      <p role="status" className="waiting__status">
        Waiting for the interviewer to reveal the question
      </p>
      <p className="hint">The question and the answer sections appear here as soon as they do.</p>
    </section>
  )
}
