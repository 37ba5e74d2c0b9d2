/**
 * The address a request came from, for per-address rate limits. `next start` fills
 * X-Forwarded-For from the socket only when the request has none, so the last entry is the peer
 * that reached us (or, behind a trusted proxy that appends, the address the proxy saw). Without a
 * proxy that overwrites the header a client can forge it; the global ceilings still hold then.
 */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for') ?? ''
  const last = forwarded.split(',').at(-1)?.trim()
  return last || 'unknown'
}
