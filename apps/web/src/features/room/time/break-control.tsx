'use client'

import { canRequest, type Role } from '@mockroom/access'
import { activeBreak, BREAK_MS, MAX_BREAKS, type SessionState } from '@mockroom/session-model'
import { timerReading } from '../../../lib/format-timer'
import { useControlAction, type SendControl } from '../session/use-control-action'
import { useServerNow } from './use-server-now'
import { ErrorAlert } from '../../../ui/error-alert'

interface Props {
  state: SessionState
  role: Role
  sendControl: SendControl
  clockOffset: number
}

// "Take a minute" (the candidate) and the running break, on everyone's clock: the section's time
// box stands still meanwhile; the interviewer (or the candidate) can end it early.
export function BreakControl({ state, role, sendControl, clockOffset }: Props) {
  const { run, busy, error } = useControlAction(sendControl)
  const now = useServerNow(clockOffset, state.status === 'live')
  if (state.status !== 'live' || !state.timer) return null
  const running = activeBreak(state.breaks, now)
  const left = MAX_BREAKS - state.breaks.length
  const mayTake = canRequest(role, 'take-break') && !canRequest(role, 'start')

  return (
    <div className="break-control">
      {running ? (
        <>
          <p role="status" className="break-control__running">
            Thinking break: {timerReading(BREAK_MS, now - running.startedAt).text} left. The section
            clock stands still.
          </p>
          {canRequest(role, 'end-break') && (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => void run({ type: 'end-break' })}
            >
              End break
            </button>
          )}
        </>
      ) : (
        mayTake && (
          <p className="break-control__offer">
            <button
              type="button"
              className="button button--small"
              disabled={busy || left <= 0 || state.timer.pausedAt !== null}
              aria-describedby="break-left"
              onClick={() => void run({ type: 'take-break' })}
            >
              Take a minute
            </button>{' '}
            <span id="break-left" className="hint">
              {left > 0
                ? `${BREAK_MS / 1000} s to organise your thoughts; ${left} of ${MAX_BREAKS} left`
                : 'No thinking breaks left'}
            </span>
          </p>
        )
      )}
      <ErrorAlert message={error} />
    </div>
  )
}
