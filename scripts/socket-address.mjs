// Which address a web request came from, fixed before Next sees the request. Next fills
// X-Forwarded-For from the socket only when the header is missing and never hands the socket to
// route handlers, so a client could name any address and void every per-address rate limit.

/** TRUST_PROXY as the web app's env.ts reads it: only `true` or `1` trust a proxy's headers. */
export function trustsProxy(env) {
  return env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1'
}

/**
 * Makes X-Forwarded-For the socket's address, unless a trusted proxy in front appends the
 * browser's address to it (then its last entry is what the proxy saw).
 */
export function pinClientAddress(req, trustProxy) {
  if (trustProxy) return
  const address = req.socket.remoteAddress
  if (address) req.headers['x-forwarded-for'] = address
  else delete req.headers['x-forwarded-for']
}
