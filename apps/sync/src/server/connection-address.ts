import type { IncomingMessage } from 'node:http'

/**
 * The address a connection comes from, for per-address limits. Behind a balancer every socket
 * comes from the balancer, so with `trustProxy` the last X-Forwarded-For entry counts: the
 * address the balancer itself saw (HAProxy's `option forwardfor` appends it). Without a proxy
 * that appends, a client could write that header, so it is read only when configured.
 */
export function clientAddress(
  req: Pick<IncomingMessage, 'headers' | 'socket'>,
  trustProxy: boolean,
): string | undefined {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for']
    const last = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').at(-1)
    if (last?.trim()) return last.trim()
  }
  const address = req.socket.remoteAddress
  // net.Socket caches the peer address object it read for the socket's whole life (net.js
  // _getpeername); it is needed once here, so it is not kept per socket (heap per room:
  // docs/performance.md). A later read asks the kernel again.
  ;(req.socket as { _peername?: unknown })._peername = undefined
  return address
}
