import type { SessionState } from '@mockroom/session-model'
import type { ReactNode } from 'react'
import type * as Y from 'yjs'
import type { RoomConnection } from '../session/use-room-session'
import { NotesEditor } from './notes-editor'
import { RubricForm } from './rubric-form'

interface Props {
  connection: RoomConnection
  state: SessionState
  answer: Y.Doc | null
  /** Finalize and Share, after the recommendation they send */
  children: ReactNode
}

// Interviewer only, after the end: all the scoring in one place and in working order (notes,
// each section's score, comment and coverage, the recommendation, then Finalize/Share), so
// nothing can be sent before the overall call is written.
export function ScoringPanel({ connection, state, answer, children }: Props) {
  const locked = state.feedbackFinalAt !== null || state.nextRound !== null
  return (
    <section className="card private scoring" aria-labelledby="scoring-title">
      <h2 id="scoring-title">Scoring</h2>
      <p className="hint">
        {locked
          ? 'Notes and scores are final.'
          : 'Only you see this until you share it. Finish the notes and scores, choose a recommendation, then finalize or share.'}
      </p>
      <h3>Notes</h3>
      <NotesEditor doc={connection.doc} editable={!locked} />
      <h3>Sections</h3>
      <RubricForm
        doc={connection.doc}
        sections={state.sections}
        locked={locked}
        coverage={
          state.question
            ? { answer, questionType: state.question.type, questionId: state.question.id }
            : undefined
        }
      />
      {children}
    </section>
  )
}
