'use client'

import type { SessionState } from '@mockroom/session-model'
import { endCall } from '../call/end-call'
import { useControlAction, type SendControl } from '../session/use-control-action'
import { ConfirmButton } from '../../../ui/confirm-button'
import { ErrorAlert } from '../../../ui/error-alert'

interface Props {
  state: SessionState
  sendControl: SendControl
  token: string
}

// Interviewer only: the time boxes. The server owns the clock; these buttons only ask it.
export function TimeControls({ state, sendControl, token }: Props) {
  const { run, busy, error } = useControlAction(sendControl)
  const { status, timer, sections, currentSection } = state
  const isLast = sections[sections.length - 1]?.key === currentSection

  const end = async () => {
    if (await run({ type: 'end' })) endCall(token)
  }

  return (
    <div className="time-controls">
      {status === 'lobby' && (
        <button
          type="button"
          className="button button--primary"
          disabled={busy || !state.question}
          onClick={() => void run({ type: 'start' })}
        >
          Start interview
        </button>
      )}
      {status === 'lobby' && !state.question && (
        <p className="hint">Reveal the question to start.</p>
      )}
      {status === 'live' && (
        <>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || isLast}
            onClick={() =>
              void run({ type: 'next', ...(currentSection ? { from: currentSection } : {}) })
            }
          >
            Next section
          </button>
          {timer?.pausedAt == null ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void run({ type: 'pause' })}
            >
              Pause
            </button>
          ) : (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void run({ type: 'resume' })}
            >
              Resume
            </button>
          )}
          <ConfirmButton
            label="End interview"
            question="End the interview for everyone?"
            confirmLabel="Yes, end the interview"
            onConfirm={() => void end()}
            disabled={busy}
          />
        </>
      )}
      <ErrorAlert message={error} />
    </div>
  )
}
