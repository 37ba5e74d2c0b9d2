import { randomBytes } from 'node:crypto'
import { NextResponse, type NextRequest } from 'next/server'
import { isDevelopment, readEnv } from './env'
import { contentSecurityPolicy } from './server/http/content-security-policy'
import { isMalformedPath } from './server/http/malformed-path'

// Every page gets a fresh script nonce in its CSP; Next reads it from the request's header and
// puts it on its scripts (pages render per request for that: see the root layout).
export function proxy(request: NextRequest) {
  // answered here because Next's own route matching turns such a path into a bare 500
  if (isMalformedPath(request.nextUrl.pathname))
    return NextResponse.json({ error: 'malformed percent-encoding in the path' }, { status: 400 })
  if (!takesNonce(request)) return NextResponse.next()
  const nonce = randomBytes(16).toString('base64')
  const csp = contentSecurityPolicy(request, readEnv(), nonce, isDevelopment())
  const headers = new Headers(request.headers)
  headers.set('content-security-policy', csp)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('content-security-policy', csp)
  return response
}

// API routes carry the static headers of next.config.ts; prefetches reuse the page's nonce
function takesNonce(request: NextRequest): boolean {
  const h = request.headers
  return (
    !request.nextUrl.pathname.startsWith('/api/') &&
    !h.has('next-router-prefetch') &&
    h.get('purpose') !== 'prefetch'
  )
}

export const config = {
  matcher: [
    {
      // API routes, health and metrics, built assets and the icon carry the static headers of
      // next.config.ts
      source: '/((?!api/|healthz|metrics|_next/static|_next/image|icon.svg|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
    // the routes with a dynamic segment, for malformed paths (isMalformedPath)
    '/api/join/:path+',
    '/api/review/:path+',
    '/api/rooms/:path+',
    '/join/:path+',
    '/review/:path+',
    '/questions/:path+',
  ],
}
