import { describe, expect, it } from 'vitest'
import { readEnv } from '../../env'
import { publicOrigin, syncUrl } from './origin'

const request = (headers: Record<string, string>) =>
  new Request('http://localhost:3000/api/rooms', { headers })
const forged = {
  host: 'mockroom.test:3000',
  'x-forwarded-host': 'evil.test',
  'x-forwarded-proto': 'https',
}

describe('links and the sync URL', () => {
  it('ignore X-Forwarded-Host/-Proto unless TRUST_PROXY says so', () => {
    const env = readEnv({})
    expect(publicOrigin(request(forged), env)).toBe('http://mockroom.test:3000')
    expect(syncUrl(request(forged), env)).toBe('ws://mockroom.test:1234')
    const trusting = readEnv({ TRUST_PROXY: 'true' })
    expect(publicOrigin(request(forged), trusting)).toBe('https://evil.test')
  })

  it('come from PUBLIC_URL and SYNC_PUBLIC_URL when set, whatever the headers', () => {
    const env = readEnv({
      PUBLIC_URL: 'https://rooms.example.com/',
      SYNC_PUBLIC_URL: 'wss://sync.example.com',
      TRUST_PROXY: 'true',
      LIVEKIT_API_KEY: 'k',
      LIVEKIT_API_SECRET: 's',
    })
    expect(publicOrigin(request(forged), env)).toBe('https://rooms.example.com')
    expect(syncUrl(request(forged), env)).toBe('wss://sync.example.com')
  })

  it('never build a link from a Host header that is not a host', () => {
    const env = readEnv({ PORT: '3000' })
    expect(publicOrigin(request({ host: 'evil.test/path?x=' }), env)).toBe('http://localhost:3000')
  })

  it('in cluster mode point the browser at /sync on its own origin (the balancer routes it)', () => {
    const env = readEnv({
      CLUSTER: 'true',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      REDIS_URL: 'redis://127.0.0.1:6379',
      SESSION_SECRET: 'a-cluster-wide-secret',
    })
    expect(syncUrl(request({ host: 'localhost:3000' }), env)).toBe('ws://localhost:3000/sync')
    const behindTls = { ...env, PUBLIC_URL: 'https://rooms.example.com' }
    expect(syncUrl(request({}), behindTls)).toBe('wss://rooms.example.com/sync')
  })
})
