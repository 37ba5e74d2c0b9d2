import type { WebEnv } from '../env'

/** The public origin for links: PUBLIC_URL, else what the browser used to reach us. */
export function publicOrigin(request: Request, env: WebEnv): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/$/, '')
  const url = new URL(request.url)
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host
  const proto = request.headers.get('x-forwarded-proto') ?? url.protocol.replace(':', '')
  return `${proto}://${host}`
}

/** The sync server's URL as the browser should dial it. */
export function syncUrl(request: Request, env: WebEnv): string {
  if (env.SYNC_PUBLIC_URL) return env.SYNC_PUBLIC_URL.replace(/\/$/, '')
  const origin = new URL(publicOrigin(request, env))
  const scheme = origin.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${origin.hostname}:${env.SYNC_PORT}`
}
