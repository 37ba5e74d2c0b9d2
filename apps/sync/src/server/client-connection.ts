import { CloseCode, CloseError } from '@mockroom/protocol'
import { greet, handleMessage, type MessageDeps } from './handle-message'
import type { LiveDoc, DocMember } from '../core/live-doc'
import type { ConnectionLimiter } from '../guards/sync-rate-limits'
import type { LiveDocRegistry } from '../core/live-doc-registry'
import type { ConnectionContext, SocketLike } from '../core/connection-context'
import type { AuthenticatePayload } from './authenticate'
import type { Logger } from '../observability/logger'

export interface ConnectionHandle {
  /** Feed every frame the socket receives, in order. */
  receive(data: Uint8Array): void
  /** Call once when the socket has closed. */
  closed(): void
}

export interface ClientDeps extends MessageDeps {
  logger: Logger
  registry: LiveDocRegistry
  authenticate(payload: AuthenticatePayload): Promise<ConnectionContext>
  /** open connections of the server (stats, /healthz), counted here: no wrapper per connection */
  tally: { connections: number }
}

// frames wait their turn in memory: a client sending far faster than they are handled is cut off
const MAX_QUEUED_FRAMES = 1000

/**
 * One connection's life: authenticate, hold the document, join it, handle frames strictly in order,
 * then leave and release. A socket that closes while its document loads still releases it.
 * A class, not closures: hundreds of rooms hold three of these each, and methods on the
 * prototype cost no memory per connection (issue #12, heap per room). It is the document's member
 * itself, for the same reason (no member or joined objects beside it).
 */
class ClientConnection implements ConnectionHandle, SocketLike, DocMember {
  private readonly counters: ConnectionLimiter
  private queued = 0
  private isClosed = false
  private failed = false
  /** once the server closes the socket (refusal, removal), frames in flight are ignored */
  private closedByServer = false
  /** the document once joined */
  private live: LiveDoc | null = null
  /** who is on this connection: set when it joins, read only after that */
  context = undefined as unknown as ConnectionContext
  clientIds: number[] = []
  // Frames are handled strictly in order. `busy` counts steps still running (joining, a
  // handshake reply, a control request); while there are none a frame is handled at once, and
  // no settled promise is kept (one per connection, heap per room).
  private busy = 0
  private chain: Promise<void> | null = null

  constructor(
    private readonly raw: SocketLike,
    /** only the document name is kept: the payload's token is garbage once the join is done */
    private readonly doc: string,
    private readonly deps: ClientDeps,
  ) {
    this.counters = deps.rates.forConnection()
    deps.tally.connections++
  }

  start(payload: AuthenticatePayload) {
    this.hold(
      join(payload, this.deps, () => this.isClosed).then((entry) => {
        if (!entry) return
        this.context = entry.context
        this.live = entry.live
        entry.live.join(this)
        greet(entry.live, this)
      }),
    )
  }

  get socket(): SocketLike {
    return this
  }

  // the server's view of the socket: after it closes it, nothing more is sent or applied
  send(data: Uint8Array) {
    if (!this.closedByServer) this.raw.send(data)
  }

  close(code: number, reason: string) {
    if (this.closedByServer) return
    this.closedByServer = true
    this.raw.close(code, reason)
  }

  receive(data: Uint8Array) {
    if (this.failed || this.isClosed || this.closedByServer) return
    if (this.busy === 0) {
      try {
        const step = this.handle(data)
        if (step) this.hold(step)
      } catch (err) {
        this.end(err)
      }
      return
    }
    if (++this.queued > MAX_QUEUED_FRAMES)
      return this.end(new CloseError(CloseCode.rateLimited, 'too many frames'))
    this.hold(
      (this.chain ?? Promise.resolve()).then(() => {
        this.queued--
        if (this.failed) return
        return this.handle(data)
      }),
    )
  }

  closed() {
    if (this.isClosed) return
    this.isClosed = true
    this.deps.tally.connections--
    const leave = () => {
      if (!this.live) return
      this.live.leave(this)
      this.deps.registry.release(this.live)
    }
    if (this.chain) void this.chain.catch(() => undefined).then(leave)
    else leave()
  }

  private handle(data: Uint8Array) {
    if (this.isClosed || !this.live || this.closedByServer) return
    return handleMessage(this.live, this, data, this.deps, this.counters)
  }

  private hold(step: Promise<void>) {
    this.busy++
    this.chain = step
    step.then(
      () => this.settled(step),
      (err: unknown) => {
        this.settled(step)
        this.end(err)
      },
    )
  }

  private settled(step: Promise<void>) {
    this.busy--
    if (this.busy === 0 && this.chain === step) this.chain = null
  }

  private end(err: unknown) {
    if (this.failed || this.isClosed) return
    this.failed = true
    const e = err instanceof CloseError ? err : new CloseError(CloseCode.badMessage, 'bad request')
    const doc = this.doc
    if (!(err instanceof CloseError)) this.deps.logger.error({ err, doc }, 'unexpected error')
    this.deps.refused(`close ${e.code}`, { doc, code: e.code, message: e.message })
    this.close(e.code, e.message)
  }
}

export function connectClient(
  raw: SocketLike,
  payload: AuthenticatePayload,
  deps: ClientDeps,
): ConnectionHandle {
  const connection = new ClientConnection(raw, payload.documentName, deps)
  connection.start(payload)
  return connection
}

// Authenticates and opens the document; null when the socket closed meanwhile (nothing held then).
async function join(payload: AuthenticatePayload, deps: ClientDeps, closed: () => boolean) {
  const { rates, registry } = deps
  if (payload.address && !(await rates.take('connectionsPerAddress', payload.address)))
    throw new CloseError(CloseCode.tryAgainLater, 'too many connections from your address')
  const context = await deps.authenticate(payload)
  if (!(await rates.take('connectionsPerSession', context.sessionId)))
    throw new CloseError(CloseCode.tryAgainLater, 'too many connections to this session')
  if (closed()) return null
  const live = await registry.open(payload.documentName)
  if (closed()) {
    registry.release(live)
    return null
  }
  return { live, context }
}
