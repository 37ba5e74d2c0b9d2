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
 * and the listeners are shared functions that find it through `this` (EventEmitter calls them with
 * the socket). Hundreds of rooms hold three sockets each: no closures per socket (issue #12).
 * It is the core's SocketLike as it is: ws ignores a send after the close.
 */
export class SyncSocket extends WebSocket {
  handle: ConnectionHandle | null = null
  /** last sign of life (any frame or pong), for the idle ping and the dead-socket sweep */
  heardAt = Date.now()
  /** only the document name is kept, not the request and its token */
  docName = ''
  logger: Logger | null = null

  /** Feeds the core from now on. */
  attach(handle: ConnectionHandle, docName: string, logger: Logger) {
    this.handle = handle
    this.docName = docName
    this.logger = logger
    // EventEmitter calls a listener with the emitter as `this`: one function for every socket
    this.on('message', onMessage as (this: WebSocket, data: RawData) => void)
    this.on('pong', onPong as (this: WebSocket) => void)
    this.on('close', onClose as (this: WebSocket) => void)
    this.on('error', onError as (this: WebSocket, err: Error) => void)
  }
}

function onMessage(this: SyncSocket, data: RawData) {
  this.heardAt = Date.now()
  this.handle?.receive(toBytes(data))
}

function onPong(this: SyncSocket) {
  this.heardAt = Date.now()
}

function onClose(this: SyncSocket) {
  this.handle?.closed()
}

function onError(this: SyncSocket, err: Error) {
  // oversized frames land here; ws then closes the socket with 1009
  this.logger?.warn({ doc: this.docName, err: err.message }, 'websocket error')
}
