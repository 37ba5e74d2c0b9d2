// What the connection pill shows. Pure, so the rules are easy to read and to test.
export type ConnectionPhase = 'connecting' | 'synced' | 'offline'

export interface ConnectionState {
  phase: ConnectionPhase
  browserOnline: boolean
}

export type ConnectionEvent =
  | { type: 'status'; status: 'connecting' | 'connected' | 'disconnected' }
  | { type: 'sync'; synced: boolean }
  | { type: 'browser'; online: boolean }

export const initialConnectionState: ConnectionState = { phase: 'connecting', browserOnline: true }

export function reduceConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'status':
      // Once we lost the server we stay "offline" through the provider's reconnect attempts
      // (connecting/connected) until the document is in sync again; otherwise the pill would
      // flicker between "Connecting…" and "Offline" every backoff step.
      return event.status === 'disconnected' ? { ...state, phase: 'offline' } : state
    case 'sync':
      if (event.synced) return { ...state, phase: state.browserOnline ? 'synced' : 'offline' }
      return state.phase === 'synced' ? { ...state, phase: 'connecting' } : state
    case 'browser':
      return event.online
        ? { ...state, browserOnline: true }
        : { phase: 'offline', browserOnline: false }
  }
}

export const connectionLabels: Readonly<Record<ConnectionPhase, string>> = {
  connecting: 'Connecting…',
  synced: 'Synced',
  offline: 'Offline — your edits are kept and will be sent when you reconnect',
}
