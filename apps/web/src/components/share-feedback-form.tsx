'use client'

import { useId, useState } from 'react'
import { useControlAction, type SendControl } from '../client/use-control-action'

// Interviewer, after the end: copies the private rubric (and, if ticked, the notes) into the
// control document, where the candidate can read it.
export function ShareFeedbackForm({
  sendControl,
  shared,
}: {
  sendControl: SendControl
  shared: boolean
}) {
  const id = useId()
  const [includeNotes, setIncludeNotes] = useState(false)
  const { run, busy, error } = useControlAction(sendControl)
  return (
    <div className="share-feedback">
      <h3>Feedback for the candidate</h3>
      <div className="checkbox">
        <input
          id={`${id}-notes`}
          type="checkbox"
          checked={includeNotes}
          onChange={(event) => setIncludeNotes(event.target.checked)}
        />
        <label htmlFor={`${id}-notes`}>Include my notes</label>
      </div>
      <button
        type="button"
        className="button button--primary"
        disabled={busy}
        aria-busy={busy}
        onClick={() => void run({ type: 'share-feedback', includeNotes })}
      >
        Share feedback with the candidate
      </button>
      <p className="hint" role="status">
        {shared
          ? 'Shared: the candidate can read your scores and comments now.'
          : 'Your scores and comments stay private until you share them.'}
      </p>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
    </div>
  )
}
