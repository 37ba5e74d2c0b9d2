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
  // closures below name only `doc`, so the payload (its token) is garbage once the join is done
  const doc = payload.documentName
  // once the server closes a socket (refusal, removal), frames still in flight are ignored
  const socket = guardSocket(raw)
  const id = randomUUID()
  const counters = rates.forConnection()
  let queued = 0
  let isClosed = false
  let failed = false
  let joined: { room: DocRoom; member: RoomMember } | null = null
  const end = (err: unknown) => {
    if (failed || isClosed) return
    failed = true
    const e = err instanceof CloseError ? err : new CloseError(CloseCode.badMessage, 'bad request')
    if (!(err instanceof CloseError)) logger.error({ err, doc }, 'unexpected error')
    deps.refused(`close ${e.code}`, { doc, code: e.code, message: e.message })
    socket.close(e.code, e.message)
  }
  // Frames are handled strictly in order. `busy` counts steps still running (joining, a
  // handshake reply, a control request); while there are none a frame is handled at once.
  let busy = 0
  let chain: Promise<void> = Promise.resolve()
  const settle = () => void busy--
  const hold = (step: Promise<void>) => {
    busy++
    chain = step
    step.then(settle, (err: unknown) => {
      settle()
      end(err)
    })
  }
  const handle = (data: Uint8Array) => {
    if (isClosed || !joined || socket.closed) return
    return handleMessage(joined.room, joined.member, data, deps, counters)
  }
  hold(
    join(payload, deps, () => isClosed).then((entry) => {
      if (!entry) return
      const member: RoomMember = { id, socket, context: entry.context, clientIds: new Set() }
      entry.room.join(member)
      joined = { room: entry.room, member }
      greet(entry.room, member)
    }),
  )

  return {
    receive(data) {
      if (failed || isClosed || socket.closed) return
      if (busy === 0) {
        try {
          const step = handle(data)
          if (step) hold(step)
        } catch (err) {
          end(err)
        }
        return
      }
      if (++queued > MAX_QUEUED_FRAMES)
        return end(new CloseError(CloseCode.rateLimited, 'too many frames'))
      hold(
        chain.then(() => {
          queued--
          if (failed) return
          return handle(data)
        }),
      )
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

// Authenticates and opens the room; null when the socket closed meanwhile (nothing held then).
async function join(payload: AuthenticatePayload, deps: ClientDeps, closed: () => boolean) {
  const { rates, rooms } = deps
  if (payload.address && !(await rates.take('connectionsPerAddress', payload.address)))
    throw new CloseError(CloseCode.tryAgainLater, 'too many connections from your address')
  const context = await deps.authenticate(payload)
  if (!(await rates.take('connectionsPerSession', context.sessionId)))
    throw new CloseError(CloseCode.tryAgainLater, 'too many connections to this session')
  if (closed()) return null
  const room = await rooms.open(payload.documentName)
  if (closed()) {
    rooms.release(room)
    return null
  }
  return { room, context }
}
