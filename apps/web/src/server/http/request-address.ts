/**
 * The address a request came from, for per-address rate limits: the last X-Forwarded-For entry.
 * `pnpm start` (scripts/web-server.mjs) sets that header to the socket's address unless
 * TRUST_PROXY=true, when a proxy in front appends the address it saw; either way the last entry
 * is the peer that reached us or the one our proxy vouches for.
 */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for') ?? ''
  const last = forwarded.split(',').at(-1)?.trim()
  return last || 'unknown'
}
