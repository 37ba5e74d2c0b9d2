'use client'

import type { NotesAudience, SharedFeedback } from '@mockroom/session-model'
import { useId, useState } from 'react'
import { useControlAction, type SendControl } from '../session/use-control-action'
import { FeedbackRecipients, type Person } from './feedback-recipients'
import { ErrorAlert } from '../../../ui/error-alert'

interface Props {
  sendControl: SendControl
  shared: SharedFeedback | null
  /** the notes and rubric are final (finalized, shared, or the next round began) */
  final: boolean
  people: Person[]
}

const notesChoices: ReadonlyArray<{ value: NotesAudience; label: string }> = [
  { value: 'nobody', label: 'Keep my notes private' },
  { value: 'candidate', label: 'Share my notes with the candidate only' },
  { value: 'everyone', label: 'Share my notes with the candidate and the observers' },
]

// Interviewer, after the end: finalize the private notes and rubric, or share them. The rubric
// goes to the candidate and the observers; the notes to whom the interviewer picks here.
export function ShareFeedbackForm({ sendControl, shared, final, people }: Props) {
  const id = useId()
  const [notesTo, setNotesTo] = useState<NotesAudience>('nobody')
  const share = useControlAction(sendControl)
  const finalize = useControlAction(sendControl)
  const error = share.error ?? finalize.error
  return (
    <div className="share-feedback">
      <h3>Feedback</h3>
      <p className="hint" role="status">
        {shared
          ? `Shared. ${describeShared(shared)}`
          : final
            ? 'Finalized: your notes and scores are locked. You can still share them.'
            : 'Your notes and scores stay editable, and private, until you finalize or share them.'}
      </p>
      <fieldset className="share-feedback__notes">
        <legend>Your notes</legend>
        {notesChoices.map((choice) => (
          <div className="checkbox" key={choice.value}>
            <input
              id={`${id}-${choice.value}`}
              type="radio"
              name={`${id}-notes`}
              value={choice.value}
              checked={notesTo === choice.value}
              onChange={() => setNotesTo(choice.value)}
            />
            <label htmlFor={`${id}-${choice.value}`}>{choice.label}</label>
          </div>
        ))}
      </fieldset>
      <FeedbackRecipients people={people} notesTo={notesTo} />
      <div className="share-feedback__buttons">
        <button
          type="button"
          className="button button--primary"
          disabled={share.busy}
          aria-busy={share.busy}
          onClick={() =>
            void share.run({
              type: 'share-feedback',
              includeNotes: notesTo !== 'nobody',
              notesToObservers: notesTo === 'everyone',
            })
          }
        >
          Share feedback
        </button>
        {!final && (
          <button
            type="button"
            className="button"
            disabled={finalize.busy}
            aria-busy={finalize.busy}
            onClick={() => void finalize.run({ type: 'finalize-feedback' })}
          >
            Finalize feedback
          </button>
        )}
      </div>
      <ErrorAlert message={error} />
    </div>
  )
}

function describeShared(shared: SharedFeedback): string {
  const notes =
    shared.notesTo === 'everyone'
      ? 'your notes with the candidate and the observers'
      : shared.notesTo === 'candidate'
        ? 'your notes with the candidate only'
        : 'your notes stayed private'
  return `Scores and comments went to the candidate and the observers; ${notes}.`
}
