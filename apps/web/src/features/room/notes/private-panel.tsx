import type { SessionState } from '@mockroom/session-model'
import type { RoomConnection } from '../session/use-room-session'
import { NotesEditor } from './notes-editor'
import { RubricForm } from './rubric-form'

interface Props {
  connection: RoomConnection
  state: SessionState
}

// Interviewer only: the room never renders this for anyone else, and the sync server refuses
// the private document to every other role.
export function PrivatePanel({ connection, state }: Props) {
  // after the end the interviewer keeps scoring until they finalize or share the feedback
  const ended = state.status === 'ended'
  const locked = ended && (state.feedbackFinalAt !== null || state.nextRound !== null)
  return (
    <section className="card private" aria-labelledby="private-title">
      <h2 id="private-title">Only you see this</h2>
      {locked ? (
        <p className="hint">Notes and scores are final.</p>
      ) : (
        ended && (
          <p className="hint">
            The interview is over: finish your notes and scores, then finalize or share them.
          </p>
        )
      )}
      <h3>Notes</h3>
      <NotesEditor doc={connection.doc} editable={!locked} />
      {state.sections.length > 0 ? (
        <>
          <h3>Rubric</h3>
          <RubricForm doc={connection.doc} sections={state.sections} locked={locked} />
        </>
      ) : (
        <p className="hint">The rubric appears once you reveal the question.</p>
      )}
    </section>
  )
}
