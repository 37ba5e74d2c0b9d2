import type { SessionState } from '@mockroom/session-model'
import type * as Y from 'yjs'
import type { RoomConnection } from '../session/use-room-session'
import { CoverageChecklist } from './coverage-checklist'
import { NotesEditor } from './notes-editor'
import { RubricForm } from './rubric-form'

// Interviewer only, while the interview runs: notes and the current section's rubric row beside
// the answer (as CoderPad keeps notes next to the pad). Earlier sections fold away; the full
// rubric with the recommendation follows after the end.
export function NotesSidePanel({
  connection,
  state,
  answer,
}: {
  connection: RoomConnection
  state: SessionState
  answer: Y.Doc | null
}) {
  const index = state.sections.findIndex((s) => s.key === state.currentSection)
  const current = state.sections[index]
  const earlier = state.sections.slice(0, Math.max(index, 0))
  return (
    <section className="panel notes-side" aria-labelledby="notes-side-title">
      <h2 id="notes-side-title">
        Your notes <span className="notes-side__private">only you see them</span>
      </h2>
      <NotesEditor doc={connection.doc} editable />
      {current && (
        <RubricForm doc={connection.doc} sections={[current]} locked={false} overall={false} />
      )}
      {current && state.question && (
        <CoverageChecklist
          privateDoc={connection.doc}
          answer={answer}
          questionType={state.question.type}
          questionId={state.question.id}
          section={current}
        />
      )}
      {earlier.length > 0 && (
        <details className="notes-side__earlier">
          <summary>Scores of earlier sections</summary>
          <RubricForm doc={connection.doc} sections={earlier} locked={false} overall={false} />
        </details>
      )}
    </section>
  )
}
