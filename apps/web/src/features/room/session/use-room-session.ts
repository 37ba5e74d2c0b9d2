import { CloseCode, type ControlAction, type ControlResult } from '@mockroom/protocol'
import type { Role } from '@mockroom/access'
import { initialSessionState, readSessionState, type SessionState } from '@mockroom/session-model'
import { useCallback, useEffect, useEffectEvent, useReducer, useState } from 'react'
import { initialConnectionState, reduceConnection, type ConnectionPhase } from './connection-state'
import {
  notReady,
  openSessionDocs,
  type RoomConnection,
  type SessionDocs,
} from './open-session-docs'
import { renewDelay } from './renew-delay'
import { useDocValue } from './use-doc-value'

export type { RoomConnection } from './open-session-docs'

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

export interface RoomSessionOptions {
  syncUrl: string
  sessionId: string
  role: Role
  initialCredentials: Credentials
  user: AwarenessUser
  /** asks the web API for a fresh token for the same participant */
  renew: () => Promise<Credentials>
  /** the interviewer removed us (4410): the room must stop */
  onRemoved: () => void
}

export interface RoomSession {
  /** null until mounted in the browser */
  answer: RoomConnection | null
  private: RoomConnection | null
  /** read-only: session state and the transcript, written by the sync server */
  control: RoomConnection | null
  privateSynced: boolean
  /** the control document: status, question, timer, feedback, next round */
  state: SessionState
  sendControl: (action: ControlAction) => Promise<ControlResult>
  /** phase of the answer document, the one people type into */
  phase: ConnectionPhase
  /** set when the server refused us for good: show it, reconnecting will not help */
  problem: string | null
  /** the current token, also valid for the HTTP API */
  token: string
}

// One session's documents over one token. A renewal is shared by all of them, so a 4402 arriving
// on each socket at once costs a single call to the API.
export function useRoomSession(options: RoomSessionOptions): RoomSession {
  const { syncUrl, sessionId, role, initialCredentials, user, renew } = options
  const [docs, setDocs] = useState<SessionDocs | null>(null)
  const [credentials, setCredentials] = useState(initialCredentials)
  const [problem, setProblem] = useState<string | null>(null)
  const [privateSynced, setPrivateSynced] = useState(false)
  const [conn, dispatch] = useReducer(reduceConnection, initialConnectionState)

  const currentToken = useEffectEvent(() => credentials.token)
  const [inflight] = useState<{ renewal: Promise<string> | null }>({ renewal: null })
  const renewCredentials = useEffectEvent((): Promise<string> => {
    inflight.renewal ??= renew()
      .then((next) => {
        setCredentials(next)
        return next.token
      })
      .finally(() => {
        inflight.renewal = null
      })
    return inflight.renewal
  })
  const onProblem = useEffectEvent((message: string, code: number | null) => {
    if (code === CloseCode.removed) options.onRemoved()
    else setProblem(message)
  })

  useEffect(() => {
    const opened = openSessionDocs({
      syncUrl,
      sessionId,
      role,
      token: currentToken(),
      onEvent: dispatch,
      onProblem: (message, code) => onProblem(message, code),
      onPrivateSynced: setPrivateSynced,
      renewToken: () => renewCredentials(),
    })
    setDocs(opened)
    return () => {
      opened.dispose()
      setDocs(null)
      setPrivateSynced(false)
    }
  }, [syncUrl, sessionId, role])

  // Our identity for carets and presence (the server overrides the identity fields anyway).
  useEffect(() => {
    docs?.answer.provider.awareness.setLocalStateField('user', user)
  }, [docs, user])

  // Renew ahead of expiry so reconnects and the participants API keep working without a 4402.
  const renewQuietly = useEffectEvent(async () => {
    try {
      docs?.setToken(await renewCredentials())
    } catch {
      // the 4402 path will try again when the server actually closes the connection
    }
  })
  useEffect(() => {
    if (!docs) return
    const timer = setTimeout(() => void renewQuietly(), renewDelay(credentials.expiresAt))
    return () => clearTimeout(timer)
  }, [docs, credentials.expiresAt])

  const state = useDocValue(docs?.control.doc ?? null, readSessionState, initialSessionState)
  const send = docs?.send
  const sendControl = useCallback((action: ControlAction) => (send ?? notReady)(action), [send])

  return {
    answer: docs?.answer ?? null,
    private: docs?.private ?? null,
    control: docs?.control ?? null,
    privateSynced,
    state,
    sendControl,
    phase: conn.phase,
    problem,
    token: credentials.token,
  }
}
