import { useEffect, useState } from 'react'
import type { CallState } from './call-connector'

// The countdown sits outside the alert so screen readers do not hear it every second.
function RetryCountdown({ retryAt }: { retryAt: number }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000)
    return () => clearInterval(timer)
  }, [])
  return <>Retrying in {Math.max(1, Math.ceil((retryAt - now) / 1_000))} s</>
}

interface Props {
  state: CallState
  onRetry: () => void
}

// Why there is no audio and what happens next. Writing and presence never wait for the call.
export function CallAlert({ state, onRetry }: Props) {
  if (state.phase === 'offline' && state.cause === 'starting') {
    return (
      <div className="call-alert">
        <p role="status" className="call-alert__title">
          Call server starting…
        </p>
        <p className="hint">
          It is being prepared on this machine (see the terminal of <code>pnpm start</code>); the
          call joins by itself once it is ready. The answer and the people list keep working.
        </p>
      </div>
    )
  }
  if (state.phase === 'offline') {
    return (
      <div className="call-alert">
        <div role="alert" className="alert">
          <p className="call-alert__title">
            {state.cause === 'server'
              ? "Audio offline — can't reach the call server"
              : "Audio offline — can't reach Mockroom for a call pass"}
          </p>
          {state.serverUrl && (
            <p className="call-alert__url">
              Call server: <code>{state.serverUrl}</code>
            </p>
          )}
        </div>
        <p className="hint">
          The answer and the people list keep working.{' '}
          {state.retryAt === null ? (
            'Retrying now…'
          ) : (
            <RetryCountdown key={state.retryAt} retryAt={state.retryAt} />
          )}
        </p>
        <button
          type="button"
          className="button"
          onClick={onRetry}
          disabled={state.retryAt === null}
        >
          Retry now
        </button>
      </div>
    )
  }
  if (state.phase === 'stopped') {
    return (
      <div className="call-alert">
        <p role="alert" className="alert">
          {state.message}
        </p>
        {/* after the end there is no call to rejoin */}
        {!state.ended && (
          <button type="button" className="button" onClick={onRetry}>
            Rejoin the call
          </button>
        )}
      </div>
    )
  }
  return null
}
