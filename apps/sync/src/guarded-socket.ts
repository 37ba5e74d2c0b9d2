import type { SocketLike } from './types'

export interface GuardedSocket extends SocketLike {
  /** true once the server closed it: later frames (still in flight) are ignored */
  readonly closed: boolean
}

/** The server's view of a socket: after it closes one, nothing more from it is applied. */
export function guardSocket(socket: SocketLike): GuardedSocket {
  let closed = false
  return {
    send: (data) => {
      if (!closed) socket.send(data)
    },
    close: (code, reason) => {
      if (closed) return
      closed = true
      socket.close(code, reason)
    },
    get closed() {
      return closed
    },
  }
}
