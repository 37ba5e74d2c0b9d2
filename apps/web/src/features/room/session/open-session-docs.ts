import {
  answerDocName,
  controlDocName,
  privateDocName,
  type ControlAction,
  type ControlResult,
} from '@mockroom/protocol'
import { canRead, canRequest, type Role } from '@mockroom/access'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { connectDoc } from './connect-doc'
import type { ConnectionEvent } from './connection-state'
import { openControlChannel } from './control-channel'

export interface RoomConnection {
  doc: Y.Doc
  provider: WebsocketProvider
}

export interface SessionDocs {
  answer: RoomConnection
  /** read-only for everyone: only the sync server writes it */
  control: RoomConnection
  /** interviewer only */
  private: RoomConnection | null
  /** control requests (transcript lines for the candidate too); a refusal for observers */
  send: (action: ControlAction) => Promise<ControlResult>
  setToken: (token: string) => void
  dispose: () => void
}

export interface SessionDocsOptions {
  syncUrl: string
  sessionId: string
  role: Role
  token: string
  /** events of the answer document: the one people type into drives the connection pill */
  onEvent: (event: ConnectionEvent) => void
  onProblem: (message: string, code: number | null) => void
  onPrivateSynced: (synced: boolean) => void
  renewToken: () => Promise<string>
}

export const notReady = (): Promise<ControlResult> =>
  Promise.resolve({ id: 0, ok: false, error: 'The room is still connecting. Try again.' })

// Opens the documents this role may read, all with one token. The server enforces the roles
// table anyway; not even trying keeps 4403s out of the logs and the private doc off the wire.
export function openSessionDocs(options: SessionDocsOptions): SessionDocs {
  const { sessionId, role, onEvent, onPrivateSynced } = options
  const common = {
    syncUrl: options.syncUrl,
    token: options.token,
    onProblem: options.onProblem,
    renewToken: options.renewToken,
  }
  const ignore = () => {}
  const answer = connectDoc({
    ...common,
    docName: answerDocName(sessionId),
    presence: true,
    onEvent,
  })
  const control = connectDoc({
    ...common,
    docName: controlDocName(sessionId),
    presence: false,
    onEvent: ignore,
  })
  const priv = canRead(role, 'private')
    ? connectDoc({
        ...common,
        docName: privateDocName(sessionId),
        presence: false,
        onEvent: ignore,
      })
    : null
  priv?.provider.on('sync', onPrivateSynced)
  // the candidate sends their own speech to the transcript; observers get no channel at all
  const channel = canRequest(role) ? openControlChannel(control.provider) : null
  const all = [answer, control, priv].filter((c) => c !== null)

  return {
    answer,
    control,
    private: priv,
    send: channel ? channel.send : notReady,
    setToken: (token) => {
      for (const c of all) c.provider.params = { token }
    },
    dispose: () => {
      channel?.close()
      priv?.provider.off('sync', onPrivateSynced)
      for (const c of all) c.dispose()
    },
  }
}
