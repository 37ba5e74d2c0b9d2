import type { WebEnv } from '../../env'
import { syncUrl } from './origin'

/** ws(s)://host:port → the origin a CSP source list takes. */
function originOf(url: string): string | null {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}`
  } catch {
    return null
  }
}

/**
 * The page CSP: scripts only with this response's nonce (Next puts it on its own scripts, and
 * 'strict-dynamic' lets those load the chunks); connections to this origin, the sync server and
 * LiveKit (its signalling WebSocket and the HTTP it falls back to). Inline style attributes stay
 * allowed: ProseMirror and the level meter set them, and they cannot run code.
 */
export function contentSecurityPolicy(
  request: Request,
  env: WebEnv,
  nonce: string,
  dev: boolean,
): string {
  const livekit = originOf(env.LIVEKIT_URL)
  const connect = [
    "'self'",
    originOf(syncUrl(request, env)),
    livekit,
    livekit?.replace(/^ws/, 'http'),
    // the sync server's HTTP side: audio chunk uploads (recording with consent)
    originOf(syncUrl(request, env))?.replace(/^ws/, 'http'),
  ].filter((s): s is string => Boolean(s))
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "media-src 'self' blob: mediastream:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}
