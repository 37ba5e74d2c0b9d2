import type { Role } from '@mockroom/access'
import type { DocKind } from '@mockroom/protocol'

/** What the core needs from a socket: the ws glue adapts a WebSocket to this. */
export interface SocketLike {
  send(data: Uint8Array): void
  close(code: number, reason: string): void
}

/** Who is on a connection, as established by `onAuthenticate` (never from awareness). */
export interface ConnectionContext {
  participantId: string
  name: string
  role: Role
  sessionId: string
  kind: DocKind
  readOnly: boolean
}
