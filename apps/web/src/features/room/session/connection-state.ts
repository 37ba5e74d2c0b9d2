// What the connection pill shows. Pure, so the rules are easy to read and to test.
export type ConnectionPhase = 'connecting' | 'synced' | 'sending' | 'reconnecting' | 'offline'

export interface ConnectionState {
  phase: ConnectionPhase
  browserOnline: boolean
  synced: boolean
  /** lost the server since the last sync: reconnect attempts must not read as "Connecting…" */
  lost: boolean
  /** local edits the server has not acknowledged yet */
  pending: boolean
  /** the socket is open but the server has not answered for a while (a silent outage) */
  stalled: boolean
}

export type ConnectionEvent =
  | { type: 'status'; status: 'connecting' | 'connected' | 'disconnected' }
  | { type: 'sync'; synced: boolean }
  | { type: 'browser'; online: boolean }
  | { type: 'acks'; pending: boolean }
  | { type: 'stall'; stalled: boolean }

type Facts = Omit<ConnectionState, 'phase'>

const phaseOf = (s: Facts): ConnectionPhase => {
  if (!s.browserOnline) return 'offline'
  if (s.lost || s.stalled) return 'reconnecting'
  if (!s.synced) return 'connecting'
  return s.pending ? 'sending' : 'synced'
}

const withFacts = (facts: Facts): ConnectionState => ({ ...facts, phase: phaseOf(facts) })

export const initialConnectionState: ConnectionState = withFacts({
  browserOnline: true,
  synced: false,
  lost: false,
  pending: false,
  stalled: false,
})

export function reduceConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'status':
      // Once we lost the server we stay "reconnecting" through the provider's attempts until the
      // document is in sync again; otherwise the pill would flicker every backoff step.
      return event.status === 'disconnected'
        ? withFacts({ ...state, lost: true, synced: false, stalled: false })
        : state
    case 'sync':
      return withFacts({ ...state, synced: event.synced, lost: event.synced ? false : state.lost })
    case 'browser':
      return withFacts({ ...state, browserOnline: event.online })
    case 'acks':
      return withFacts({ ...state, pending: event.pending })
    case 'stall':
      return withFacts({ ...state, stalled: event.stalled })
  }
}

export const connectionLabels: Readonly<Record<ConnectionPhase, string>> = {
  connecting: 'Connecting…',
  synced: 'Synced',
  sending: 'Sending…',
  reconnecting: 'Reconnecting… your edits are kept and will be sent',
  offline: 'Offline — your edits are kept and will be sent when you reconnect',
}
