import { CloseCode, CloseError } from '@mockroom/protocol'
import { randomUUID } from 'node:crypto'
import { greet, handleMessage, type MessageDeps } from './connection'
import type { DocRoom, RoomMember } from './doc-room'
import { guardSocket } from './guarded-socket'
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
// frames wait their turn in memory: a client sending far faster than they are handled is cut off
const MAX_QUEUED_FRAMES = 1000

export function connectClient(
  raw: SocketLike,
  payload: AuthenticatePayload,
  deps: ClientDeps,
): ConnectionHandle {
  const { logger, rooms, rates } = deps
  // once the server closes a socket (refusal, removal), frames still in flight are ignored
  const socket = guardSocket(raw)
  const id = randomUUID()
  let queued = 0
  let isClosed = false
  let failed = false
  let joined: { room: DocRoom; member: RoomMember } | null = null
  const end = (err: unknown) => {
    if (failed || isClosed) return
    failed = true
    const e = err instanceof CloseError ? err : new CloseError(CloseCode.badMessage, 'bad request')
    if (!(err instanceof CloseError))
      logger.error({ err, doc: payload.documentName }, 'unexpected error')
    deps.refused(`close ${e.code}`, { doc: payload.documentName, code: e.code, message: e.message })
    socket.close(e.code, e.message)
  }
  let chain: Promise<void> = (async () => {
    if (payload.address && !(await rates.take('connectionsPerAddress', payload.address)))
      throw new CloseError(CloseCode.tryAgainLater, 'too many connections from your address')
    const context = await deps.authenticate(payload)
    if (!(await rates.take('connectionsPerSession', context.sessionId)))
      throw new CloseError(CloseCode.tryAgainLater, 'too many connections to this session')
    if (isClosed) return
    const room = await rooms.open(payload.documentName)
    if (isClosed) return rooms.release(room)
    const member: RoomMember = { id, socket, context, clientIds: new Set() }
    room.join(member)
    joined = { room, member }
    greet(room, member)
  })()
  chain.catch(end)

  return {
    receive(data) {
      if (failed || isClosed || socket.closed) return
      if (++queued > MAX_QUEUED_FRAMES)
        return end(new CloseError(CloseCode.rateLimited, 'too many frames'))
      chain = chain.then(async () => {
        queued--
        if (isClosed || !joined || socket.closed) return
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
