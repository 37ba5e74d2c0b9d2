import { connectionLabels, type ConnectionPhase } from './session/connection-state'

// Exactly one phrase per phase, in a polite live region named "Connection".
export function ConnectionStatus({ phase }: { phase: ConnectionPhase }) {
  return (
    // reconnecting wears the offline look: both mean the server does not have your edits yet
    <div
      className={`connection connection--${phase}${phase === 'reconnecting' ? ' connection--offline' : ''}`}
    >
      <span id="connection-label" className="connection__label">
        Connection
      </span>
      <p role="status" aria-labelledby="connection-label" className="connection__state">
        {connectionLabels[phase]}
      </p>
    </div>
  )
}
