import type { Socket } from 'node:net'
import { CloseCode } from '@mockroom/protocol'
import { WebSocket, type RawData } from 'ws'
import type { ConnectionHandle } from './client-connection'
import type { SocketGroup } from './socket-group'

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  return data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

// Times as ms since this module loaded, truncated to an integer: V8 keeps a small integer in the
// object itself, while a Date.now() value is a boxed number of its own per socket (heap:diff).
const EPOCH = Date.now()
/** now, as SyncSocket.heardAt counts it */
export const socketClock = () => (Date.now() - EPOCH) | 0

// Larger messages (a first sync of a long answer) go through ws, which does not copy the payload.
const PREFRAMED_MAX = 16 * 1024
// a slow reader gets its close frame behind what waits already; then it is cut off regardless
const SLOW_READER_GRACE_MS = 2_000

/**
 * The server's WebSocket (ws' `WebSocket` option): what the glue keeps per connection is in fields,
 * and ws' own events are handled in `emit` rather than by listeners. Hundreds of rooms hold three
 * sockets each: no closures per socket, and no listener entries (each one grows the emitter's
 * dictionary of events; heap per room, issue #12). Listeners added by others still run.
 * It is the core's SocketLike as it is: ws ignores a send after the close.
 */
export class SyncSocket extends WebSocket {
  // EventEmitter starts every socket with a dictionary-mode `_events` object (about 160 B); no
  // one listens here (events go through `emit`), and Node's emitter reads undefined as "no
  // listeners" and makes the object on the first `on` (heap:diff, docs/performance.md)
  _events: undefined = undefined

  handle: ConnectionHandle | null = null
  /** last sign of life (any frame or pong), for the idle ping and the dead-socket sweep */
  heardAt = socketClock()
  /** only the document name is kept, not the request and its token */
  docName = ''
  /** the server's sockets: this one is in `group.open` until it closes */
  group: SocketGroup | null = null

  /** bytes written to the TCP socket that wait to be sent */
  get queuedBytes(): number {
    return (this as unknown as { _socket: Socket | null })._socket?.writableLength ?? 0
  }

  /** Feeds the core from now on. */
  attach(handle: ConnectionHandle, docName: string, group: SocketGroup) {
    this.handle = handle
    this.docName = docName
    this.group = group
    group.open.add(this)
  }

  /**
   * A message of the core: framed once per broadcast (SocketGroup) and written to the TCP socket
   * in one piece. ws' sender only queues frames while it compresses or reads a Blob; this server
   * does neither (perMessageDeflate is off, ws' default), so frames stay in order with ws' own
   * (pings, the close frame). Not open any more: ws' send reports it as before.
   */
  override send(data: Uint8Array, ...rest: unknown[]): void {
    const group = this.group
    if (rest.length === 0 && group && this.readyState === WebSocket.OPEN) {
      const tcp = (this as unknown as { _socket: Socket })._socket
      // backpressure: what waits for a reader that stopped reading is bounded (one number read)
      if (tcp.writableLength > group.maxBuffered) return this.fellBehind()
      if (data.length <= PREFRAMED_MAX) {
        tcp.write(group.frame(data))
        return
      }
    }
    ;(super.send as (...args: unknown[]) => void)(data, ...rest)
  }

  /**
   * Closes a socket that stopped reading (4503): the close frame waits behind what is queued, so a
   * reader that drains it sees the code; one that makes no progress for a grace is cut off.
   */
  private fellBehind() {
    const tcp = (this as unknown as { _socket: Socket })._socket
    this.group?.logger.warn({ doc: this.docName, peerPort: tcp.remotePort }, 'slow reader closed')
    this.close(CloseCode.slowReader, 'reading too slowly')
    let left = tcp.writableLength
    const check = () => {
      if (tcp.destroyed) return
      if (tcp.writableLength >= left) return this.terminate()
      left = tcp.writableLength
      setTimeout(check, SLOW_READER_GRACE_MS).unref()
    }
    setTimeout(check, SLOW_READER_GRACE_MS).unref()
  }

  // ws emits 'message' (data, isBinary), 'pong' (data), 'close' (code, reason) and 'error' (err)
  override emit(event: string | symbol, a?: unknown, b?: unknown): boolean {
    switch (event) {
      case 'message':
        this.heardAt = socketClock()
        this.handle?.receive(toBytes(a as RawData))
        break
      case 'pong':
        this.heardAt = socketClock()
        break
      case 'close':
        this.group?.open.delete(this)
        this.handle?.closed()
        break
      case 'error':
        // oversized frames land here; ws then closes the socket with 1009. Handled, so it
        // never throws for want of an 'error' listener.
        this.group?.logger.warn({ doc: this.docName, err: (a as Error).message }, 'websocket error')
        if (this.listenerCount('error') === 0) return true
        break
    }
    return this.listenerCount(event) > 0 ? super.emit(event, a, b) : false
  }
}
