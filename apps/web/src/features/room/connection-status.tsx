import { connectionLabels, type ConnectionPhase } from './session/connection-state'

// Exactly one of three phrases, in a polite live region named "Connection".
export function ConnectionStatus({ phase }: { phase: ConnectionPhase }) {
  return (
    <div className={`connection connection--${phase}`}>
      <span id="connection-label" className="connection__label">
        Connection
      </span>
      <p role="status" aria-labelledby="connection-label" className="connection__state">
        {connectionLabels[phase]}
      </p>
    </div>
  )
}
