import type { NextConfig } from 'next'

// On every response (pages add their nonce CSP in src/proxy.ts): links carry capabilities, so no
// Referer ever leaves with one; no framing; no MIME sniffing; the microphone only for this origin.
const everywhere = [
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'microphone=(self), camera=(), geolocation=()' },
]

const nextConfig: NextConfig = {
  // workspace packages export TypeScript source, so Next compiles them
  transpilePackages: [
    '@mockroom/questions',
    '@mockroom/session-model',
    '@mockroom/access',
    '@mockroom/protocol',
    '@mockroom/store',
  ],
  // native / worker-thread packages, and rate-limiter-flexible with its optional store drivers,
  // must be required at runtime, not bundled
  serverExternalPackages: [
    'better-sqlite3',
    'pino',
    'rate-limiter-flexible',
    'ioredis',
    // one copy in the process, so every route counts into the registry that /metrics reads
    'prom-client',
  ],
  poweredByHeader: false,
  headers() {
    return Promise.resolve([
      { source: '/:path*', headers: everywhere },
      {
        source: '/api/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
    ])
  },
}

export default nextConfig
