import { WebSocket, type RawData } from 'ws'
import type { ConnectionHandle } from './connect-client'
import type { Logger } from './types'

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  return data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

/**
 * The server's WebSocket (ws' `WebSocket` option): what the glue keeps per connection is in fields,
 * and ws' own events are handled in `emit` rather than by listeners. Hundreds of rooms hold three
 * sockets each: no closures per socket, and no listener entries (each one grows the emitter's
 * dictionary of events; heap per room, issue #12). Listeners added by others still run.
 * It is the core's SocketLike as it is: ws ignores a send after the close.
 */
export class SyncSocket extends WebSocket {
  handle: ConnectionHandle | null = null
  /** last sign of life (any frame or pong), for the idle ping and the dead-socket sweep */
  heardAt = Date.now()
  /** only the document name is kept, not the request and its token */
  docName = ''
  logger: Logger | null = null
  /** the server's open sockets (ping sweep, shutdown); this one leaves it when it closes */
  open: Set<SyncSocket> | null = null

  /** Feeds the core from now on. */
  attach(handle: ConnectionHandle, docName: string, logger: Logger, open: Set<SyncSocket>) {
    this.handle = handle
    this.docName = docName
    this.logger = logger
    this.open = open
    open.add(this)
  }

  // ws emits 'message' (data, isBinary), 'pong' (data), 'close' (code, reason) and 'error' (err)
  override emit(event: string | symbol, a?: unknown, b?: unknown): boolean {
    switch (event) {
      case 'message':
        this.heardAt = Date.now()
        this.handle?.receive(toBytes(a as RawData))
        break
      case 'pong':
        this.heardAt = Date.now()
        break
      case 'close':
        this.open?.delete(this)
        this.handle?.closed()
        break
      case 'error':
        // oversized frames land here; ws then closes the socket with 1009. Handled, so it
        // never throws for want of an 'error' listener.
        this.logger?.warn({ doc: this.docName, err: (a as Error).message }, 'websocket error')
        if (this.listenerCount('error') === 0) return true
        break
    }
    return this.listenerCount(event) > 0 ? super.emit(event, a, b) : false
  }
}
