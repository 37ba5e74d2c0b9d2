import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

const isLoopback = (address: string | undefined) =>
  address === '::1' || /^(::ffff:)?127\./.test(address ?? '')

/**
 * Whether a /healthz caller may read the details (documents, connections, queued bytes): a
 * caller on this machine that no proxy forwarded (a balancer on the same host adds
 * X-Forwarded-For), or one with the health token. Anyone else gets only whether it is ready.
 */
export function mayReadDetails(
  req: Pick<IncomingMessage, 'headers' | 'socket'>,
  token: string | undefined,
): boolean {
  if (isLoopback(req.socket.remoteAddress) && req.headers['x-forwarded-for'] === undefined)
    return true
  const auth = req.headers.authorization ?? ''
  if (!token || !auth.startsWith('Bearer ')) return false
  const given = Buffer.from(auth.slice(7))
  const wanted = Buffer.from(token)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}
