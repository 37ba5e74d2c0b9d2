import { CloseCode, CloseError } from './close-codes'
import { greet, handleMessage, type MessageDeps } from './connection'
import type { DocRoom, RoomMember } from './doc-room'
import type { RoomRegistry } from './room-registry'
import type { AuthenticatePayload, ConnectionContext, Logger, SocketLike } from './types'

export interface ConnectionHandle {
  /** Feed every frame the socket receives, in order. */
  receive(data: Uint8Array): void
  /** Call once when the socket has closed. */
  closed(): void
}

export interface ClientDeps extends MessageDeps {
  logger: Logger
  rooms: RoomRegistry
  authenticate(payload: AuthenticatePayload): Promise<ConnectionContext>
}

/**
 * One connection's life: authenticate, hold the room, join it, handle frames strictly in order,
 * then leave and release. A socket that closes while its document loads still releases it.
 */
export function connectClient(
  socket: SocketLike,
  payload: AuthenticatePayload,
  deps: ClientDeps,
): ConnectionHandle {
  const { logger, rooms } = deps
  let isClosed = false
  let failed = false
  let joined: { room: DocRoom; member: RoomMember } | null = null
  const end = (err: unknown) => {
    if (failed || isClosed) return
    failed = true
    const e = err instanceof CloseError ? err : new CloseError(CloseCode.badMessage, 'bad request')
    if (!(err instanceof CloseError))
      logger.error({ err, doc: payload.documentName }, 'unexpected error')
    logger.warn(
      { doc: payload.documentName, code: e.code, reason: e.message },
      'closing connection',
    )
    socket.close(e.code, e.message)
  }
  let chain: Promise<void> = (async () => {
    const context = await deps.authenticate(payload)
    if (isClosed) return
    const room = await rooms.open(payload.documentName)
    if (isClosed) return rooms.release(room)
    const member: RoomMember = { socket, context, clientIds: new Set() }
    room.join(member)
    joined = { room, member }
    greet(room, member)
  })()
  chain.catch(end)

  return {
    receive(data) {
      if (failed || isClosed) return
      chain = chain.then(async () => {
        if (isClosed || !joined) return
        await handleMessage(joined.room, joined.member, data, deps)
      })
      chain.catch(end)
    },
    closed() {
      if (isClosed) return
      isClosed = true
      void chain
        .catch(() => undefined)
        .then(() => {
          if (!joined) return
          joined.room.leave(joined.member)
          rooms.release(joined.room)
        })
    },
  }
}
