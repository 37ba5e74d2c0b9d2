import { useEffect, useEffectEvent, useReducer, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { connectAnswerDoc } from './connect-answer-doc'
import { initialConnectionState, reduceConnection, type ConnectionPhase } from './connection-state'
import { renewDelay } from './renew-delay'

export interface AwarenessUser {
  name: string
  color: string
  role: string
  participantId: string
}

export interface Credentials {
  token: string
  /** ms since epoch */
  expiresAt: number
}

export interface RoomConnection {
  doc: Y.Doc
  provider: WebsocketProvider
}

export interface RoomConnectionOptions {
  syncUrl: string
  sessionId: string
  initialCredentials: Credentials
  user: AwarenessUser
  /** asks the web API for a fresh token for the same participant */
  renew: () => Promise<Credentials>
}

export interface RoomConnectionState {
  /** null until mounted in the browser */
  connection: RoomConnection | null
  phase: ConnectionPhase
  /** set when the server refused us for good: show it, reconnecting will not help */
  problem: string | null
  /** the current token, also valid for the HTTP API */
  token: string
}

// One Y.Doc and one provider for the whole answer document; all section editors share them.
export function useRoomConnection(options: RoomConnectionOptions): RoomConnectionState {
  const { syncUrl, sessionId, initialCredentials, user, renew } = options
  const [connection, setConnection] = useState<RoomConnection | null>(null)
  const [credentials, setCredentials] = useState(initialCredentials)
  const [problem, setProblem] = useState<string | null>(null)
  const [state, dispatch] = useReducer(reduceConnection, initialConnectionState)

  // Effect events read the latest credentials/renew without re-creating the provider.
  const currentToken = useEffectEvent(() => credentials.token)
  const renewCredentials = useEffectEvent(async () => {
    const next = await renew()
    setCredentials(next)
    return next.token
  })

  useEffect(() => {
    const { doc, provider, dispose } = connectAnswerDoc({
      syncUrl,
      sessionId,
      token: currentToken(),
      onEvent: dispatch,
      onProblem: setProblem,
      renewToken: () => renewCredentials(),
    })
    setConnection({ doc, provider })
    return () => {
      dispose()
      setConnection(null)
    }
  }, [syncUrl, sessionId])

  // Our identity for carets and presence (the server overrides the identity fields anyway).
  useEffect(() => {
    connection?.provider.awareness.setLocalStateField('user', user)
  }, [connection, user])

  // Renew ahead of expiry so reconnects and the participants API keep working without a 4402.
  const renewQuietly = useEffectEvent(async () => {
    try {
      const token = await renewCredentials()
      if (connection) connection.provider.params = { token }
    } catch {
      // the 4402 path will try again when the server actually closes the connection
    }
  })
  useEffect(() => {
    if (!connection) return
    const timer = setTimeout(() => void renewQuietly(), renewDelay(credentials.expiresAt))
    return () => clearTimeout(timer)
  }, [connection, credentials.expiresAt])

  return { connection, phase: state.phase, problem, token: credentials.token }
}
