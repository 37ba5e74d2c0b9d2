import { describe, expect, it } from 'vitest'
import { readEnv } from './env'

describe('sync env', () => {
  it('runs on one machine without REDIS_URL', () => {
    expect(readEnv({}).REDIS_URL).toBeUndefined()
  })

  it('cluster mode (REDIS_URL) names every missing setting at start', () => {
    expect(() => readEnv({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      /SESSION_SECRET is required[\s\S]*DATABASE_URL must be a postgres/,
    )
    expect(() =>
      readEnv({
        REDIS_URL: 'redis://127.0.0.1:6379',
        SESSION_SECRET: 'x'.repeat(32),
        DATABASE_URL: 'postgres://127.0.0.1/db',
      }),
    ).not.toThrow()
    expect(() => readEnv({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/)
    expect(() => readEnv({ CLUSTER: 'true' })).toThrow(/REDIS_URL is required/)
  })
})
