import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // workspace packages export TypeScript source, so Next compiles them
  transpilePackages: [
    '@mockroom/questions',
    '@mockroom/answer-doc',
    '@mockroom/access',
    '@mockroom/store',
  ],
  // native / worker-thread packages must be required at runtime, not bundled
  serverExternalPackages: ['better-sqlite3', 'pino'],
  poweredByHeader: false,
}

export default nextConfig
