'use client'

import { canSpeak, type Role } from '@mockroom/access'
import type { RecordingView } from '@mockroom/session-model'
import { useState } from 'react'
import { useControlAction, type SendControl } from '../session/use-control-action'
import { askText, promptText, statusLine } from './recording-text'

interface Props {
  view: RecordingView
  role: Role
  participantId: string
  sendControl: SendControl
  ended: boolean
  /** chunks recorded on this device and not yet confirmed by the server */
  pending: number
}

// Recording with consent: the line everyone sees, the question to each person who speaks, and
// the stop buttons. Everything shown here comes from the server's control document.
export function RecordingPanel({ view, role, participantId, sendControl, ended, pending }: Props) {
  const action = useControlAction(sendControl)
  // asking is two steps: the interviewer reads what they ask for, then confirms it
  const [confirming, setConfirming] = useState(false)
  const leads = role === 'interviewer'
  const me = view.people.find((p) => p.participantId === participantId)
  const askedBy =
    view.people.find((p) => p.participantId === view.askedBy)?.name ?? 'The interviewer'
  const line = statusLine(view)
  const open = view.status !== 'off'
  const answer = (allow: boolean) =>
    view.requestId &&
    void action.run({
      type: 'recording-answer',
      requestId: view.requestId,
      allow,
      shownText: promptText(askedBy),
    })

  if (!line && !(leads && !ended) && pending === 0) return null
  return (
    <section className="panel recording" aria-labelledby="recording-title">
      <h2 id="recording-title">Recording</h2>
      {line && (
        <p
          role="status"
          aria-label="Recording status"
          className={`recording__status recording__status--${view.status}`}
        >
          {view.status === 'recording' && <span className="recording__dot" aria-hidden="true" />}
          {line}
        </p>
      )}
      {open && me?.answer === 'pending' && canSpeak(role) && !ended && (
        <div role="group" aria-label="Recording request" className="recording__ask">
          <p>{promptText(askedBy)}</p>
          <div className="recording__buttons">
            <button type="button" disabled={action.busy} onClick={() => answer(true)}>
              Allow
            </button>
            <button type="button" disabled={action.busy} onClick={() => answer(false)}>
              Don&apos;t allow
            </button>
          </div>
        </div>
      )}
      {open && me?.answer === 'allow' && (
        <button type="button" disabled={action.busy} onClick={() => answer(false)}>
          Stop my recording
        </button>
      )}
      {open && me?.answer === 'refuse' && !ended && (
        <button type="button" disabled={action.busy} onClick={() => answer(true)}>
          Allow recording
        </button>
      )}
      {leads && !ended && !open && !confirming && (
        <button type="button" onClick={() => setConfirming(true)}>
          Ask to record audio
        </button>
      )}
      {leads && !ended && !open && confirming && (
        <div role="group" aria-label="Ask to record" className="recording__ask">
          <p>{askText}</p>
          <div className="recording__buttons">
            <button
              type="button"
              disabled={action.busy}
              onClick={() =>
                void action
                  .run({ type: 'recording-ask', shownText: askText })
                  .then(() => setConfirming(false))
              }
            >
              Ask everyone
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {leads && open && (
        <button
          type="button"
          disabled={action.busy}
          onClick={() => void action.run({ type: 'recording-stop' })}
        >
          Stop recording for everyone
        </button>
      )}
      {pending > 0 && (
        <p className="hint">
          {pending} {pending === 1 ? 'piece' : 'pieces'} of audio waiting to upload
        </p>
      )}
      {action.error && (
        <p role="alert" className="alert">
          {action.error}
        </p>
      )}
    </section>
  )
}
