'use client'

import { useId, useState, type FormEvent } from 'react'
import { useControlAction, type SendControl } from '../session/use-control-action'
import { ErrorAlert } from '../../../ui/error-alert'

// The interviewer's typed, timestamped line: "candidate paused for a long time here", etc.
export function NoteForm({ sendControl }: { sendControl: SendControl }) {
  const id = useId()
  const [text, setText] = useState('')
  const { run, busy, error } = useControlAction(sendControl)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const trimmed = text.trim()
    if (!trimmed) return
    if (await run({ type: 'note', text: trimmed })) setText('')
  }

  return (
    <form className="transcript__note" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-note`}>Add a note to the transcript</label>
      <div className="transcript__note-row">
        <input
          id={`${id}-note`}
          type="text"
          value={text}
          maxLength={2000}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy || !text.trim()}>
          Add note
        </button>
      </div>
      <ErrorAlert message={error} />
    </form>
  )
}
