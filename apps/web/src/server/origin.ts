import type { WebEnv } from '../env'

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

/** The sync server's URL as the browser should dial it. */
export function syncUrl(request: Request, env: WebEnv): string {
  if (env.SYNC_PUBLIC_URL) return env.SYNC_PUBLIC_URL.replace(/\/$/, '')
  const origin = new URL(publicOrigin(request, env))
  const scheme = origin.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${origin.hostname}:${env.SYNC_PORT}`
}
