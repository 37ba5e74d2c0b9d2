import type { WebEnv } from '../../env'

// host[:port] and nothing else: a Host header carrying a path, credentials or spaces builds no link
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/

/**
 * The public origin for links: PUBLIC_URL when set. Otherwise the Host the browser used;
 * X-Forwarded-Host/-Proto count only with TRUST_PROXY, since any client can send them.
 */
export function publicOrigin(request: Request, env: WebEnv): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/$/, '')
  const url = new URL(request.url)
  const forwarded = (name: string) =>
    env.TRUST_PROXY ? request.headers.get(name)?.split(',')[0]?.trim() : undefined
  const host = forwarded('x-forwarded-host') ?? request.headers.get('host') ?? url.host
  const proto = forwarded('x-forwarded-proto') ?? url.protocol.replace(':', '')
  const safeHost = HOST.test(host) ? host : `localhost:${env.PORT}`
  return `${proto === 'https' ? 'https' : 'http'}://${safeHost}`
}

/** Where the balancer routes the sync WebSocket in cluster mode (deploy/haproxy.cfg). */
export const CLUSTER_SYNC_PATH = '/sync'

/**
 * The sync server's URL as the browser should dial it: SYNC_PUBLIC_URL when set; in cluster mode
 * the page's own origin under /sync (the balancer serves both); otherwise the sync port.
 */
export function syncUrl(request: Request, env: WebEnv): string {
  if (env.SYNC_PUBLIC_URL) return env.SYNC_PUBLIC_URL.replace(/\/$/, '')
  const origin = new URL(publicOrigin(request, env))
  const scheme = origin.protocol === 'https:' ? 'wss' : 'ws'
  if (env.CLUSTER) return `${scheme}://${origin.host}${CLUSTER_SYNC_PATH}`
  return `${scheme}://${origin.hostname}:${env.SYNC_PORT}`
}
