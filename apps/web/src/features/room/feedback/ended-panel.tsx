import type { Role } from '@mockroom/access'
import type { SessionState } from '@mockroom/session-model'
import type { Question } from '@mockroom/questions'
import type * as Y from 'yjs'
import type { SendControl } from '../session/use-control-action'
import type { RoomConnection } from '../session/use-room-session'
import { ScoringPanel } from '../notes/scoring-panel'
import { useSharedFeedback } from './use-shared-feedback'
import type { Person } from './feedback-recipients'
import { NextRoundForm } from './next-round-form'
import { ShareFeedbackForm } from './share-feedback-form'
import { SharedFeedback } from './shared-feedback'

interface Props {
  state: SessionState
  role: Role
  /** interviewer only */
  control: { sendControl: SendControl; token: string; questions: Question[] } | null
  reviewHref: string
  /** everyone who has been in the room: "Share feedback" names who receives it */
  people: Person[]
  /** interviewer only: the private notes and rubric, scored here after the end */
  scoring: { connection: RoomConnection; answer: Y.Doc | null } | null
}

const feedbackHeading: Readonly<Record<Role, string>> = {
  candidate: 'Feedback from your interviewer',
  interviewer: 'What the candidate sees',
  observer: 'Feedback shared by the interviewer',
}

// After the end: everyone learns it is over; the interviewer shares feedback or swaps seats.
export function EndedPanel({ state, role, control, reviewHref, people, scoring }: Props) {
  const sharedFeedback = useSharedFeedback(state.sharedFeedback, role, reviewHref)
  const final = state.feedbackFinalAt !== null || state.nextRound !== null
  // a fresh question for the next round: the one after this round's in the bank
  const questions = control?.questions ?? []
  const index = questions.findIndex((q) => q.id === state.question?.id)
  const suggested = questions[(index + 1) % Math.max(questions.length, 1)]?.id ?? ''

  const shareForm = control && (
    <ShareFeedbackForm
      sendControl={control.sendControl}
      shared={state.sharedFeedback}
      final={final}
      people={people}
    />
  )

  return (
    <>
      <section className="card ended" aria-labelledby="ended-title">
        <div role="status">
          <h2 id="ended-title">The interview has ended</h2>
        </div>
        <p className="hint">
          The answer is read-only now. The plan vs actual time is in the Time panel
          {control ? '; score and share below.' : '.'}
        </p>
        <p>
          {/* a new tab: the room stays open for sharing feedback and the next round */}
          <a href={reviewHref} target="_blank" rel="noopener noreferrer">
            Review this session
          </a>{' '}
          <span className="hint">(transcript, replay and export; also listed under Sessions)</span>
        </p>
      </section>
      {control &&
        (scoring ? (
          <ScoringPanel connection={scoring.connection} state={state} answer={scoring.answer}>
            {shareForm}
          </ScoringPanel>
        ) : (
          <div className="card">{shareForm}</div>
        ))}
      {control && state.nextRound === null && (
        <div className="card">
          <NextRoundForm
            round={state.round}
            questions={questions}
            suggested={suggested}
            sendControl={control.sendControl}
          />
        </div>
      )}
      {sharedFeedback && (
        <SharedFeedback
          feedback={sharedFeedback}
          sections={state.sections}
          heading={feedbackHeading[role]}
        />
      )}
    </>
  )
}
