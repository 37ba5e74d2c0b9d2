import { describe, expect, it } from 'vitest'
import { readEnv } from './env'

describe('readEnv', () => {
  it('accepts the LiveKit dev key with a LiveKit server on this machine (pnpm start)', () => {
    expect(readEnv({}).LIVEKIT_API_KEY).toBe('devkey')
    expect(readEnv({ LIVEKIT_URL: 'ws://127.0.0.1:7880' }).LIVEKIT_API_SECRET).toBe('secret')
  })

  it('refuses the LiveKit dev key/secret outside development, with a clear message', () => {
    expect(() => readEnv({ LIVEKIT_URL: 'wss://calls.example.com' })).toThrow(
      /LiveKit dev key\/secret .*set LIVEKIT_API_KEY and LIVEKIT_API_SECRET/,
    )
    expect(() =>
      readEnv({ PUBLIC_URL: 'https://rooms.example.com', LIVEKIT_API_KEY: 'prodkey' }),
    ).toThrow(/LIVEKIT_API_SECRET/)
    const ok = readEnv({
      LIVEKIT_URL: 'wss://calls.example.com',
      LIVEKIT_API_KEY: 'prodkey',
      LIVEKIT_API_SECRET: 'a-real-secret',
    })
    expect(ok.LIVEKIT_API_KEY).toBe('prodkey')
  })

  it('validates REDIS_URL and TRUST_PROXY', () => {
    expect(readEnv({ REDIS_URL: 'redis://127.0.0.1:6379' }).REDIS_URL).toBe(
      'redis://127.0.0.1:6379',
    )
    expect(() => readEnv({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/)
    expect(readEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true)
    expect(readEnv({}).TRUST_PROXY).toBe(false)
    expect(() => readEnv({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/)
  })

  it('in cluster mode requires PostgreSQL, Redis and SESSION_SECRET, naming each', () => {
    const message = (() => {
      try {
        readEnv({ CLUSTER: 'true' })
      } catch (err) {
        return (err as Error).message
      }
      return ''
    })()
    expect(message).toMatch(/DATABASE_URL.*postgres:\/\//s)
    expect(message).toMatch(/REDIS_URL/)
    expect(message).toMatch(/SESSION_SECRET/)
    expect(() =>
      readEnv({ CLUSTER: 'true', DATABASE_URL: 'file.sqlite', REDIS_URL: 'redis://127.0.0.1' }),
    ).toThrow(/DATABASE_URL/)
    const ok = readEnv({
      CLUSTER: '1',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      REDIS_URL: 'redis://127.0.0.1:6379',
      SESSION_SECRET: 'a-cluster-wide-secret',
    })
    expect(ok.CLUSTER).toBe(true)
    expect(readEnv({}).CLUSTER).toBe(false)
  })
})
