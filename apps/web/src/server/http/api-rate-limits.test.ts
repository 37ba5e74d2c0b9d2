import { randomBytes } from 'node:crypto'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { HttpError } from './http-error'
import { RATE_LIMITS } from './http-limits'
import { createRateLimits, type RateLimits } from './api-rate-limits'

const logger = pino({ level: 'silent' })
const opened: RateLimits[] = []
afterEach(async () => Promise.all(opened.splice(0).map((l) => l.close())))

async function spend(
  limits: RateLimits,
  key: string,
  times: number,
  bucket: 'join' | 'rooms' = 'join',
): Promise<number[]> {
  const statuses: number[] = []
  for (let i = 0; i < times; i++) {
    try {
      await limits.consume(bucket, key)
      statuses.push(200)
    } catch (err) {
      statuses.push(err instanceof HttpError ? err.status : -1)
    }
  }
  return statuses
}

// Redis runs on this machine (and in CI); REDIS_TEST_URL overrides, '' skips.
const redisUrl = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379'

describe.each([
  ['memory', undefined],
  ['redis', redisUrl || undefined],
])('rate limits (%s)', (_name, url) => {
  it("takes an operator's own points for a bucket (ROOMS_PER_ADDRESS)", async () => {
    const limits = createRateLimits(url, logger, `t${randomBytes(4).toString('hex')}:`, {
      rooms: 3,
    })
    opened.push(limits)
    expect(await spend(limits, '1.2.3.4', 4, 'rooms')).toEqual([200, 200, 200, 429])
    // the other buckets keep theirs
    expect(await spend(limits, '1.2.3.4', 4)).toEqual([200, 200, 200, 200])
  })

  it('answer 429 with Retry-After once a key has spent its points, per key', async () => {
    const limits = createRateLimits(url, logger)
    opened.push(limits)
    const key = `1.2.3.4|${randomBytes(6).toString('hex')}`
    const { points } = RATE_LIMITS.join
    const statuses = await spend(limits, key, points + 2)
    expect(statuses.filter((s) => s === 200)).toHaveLength(points)
    expect(statuses.slice(points)).toEqual([429, 429])
    const refused = await limits.consume('join', key).catch((e: unknown) => e)
    expect((refused as HttpError).headers['retry-after']).toMatch(/^\d+$/)
    // another address (or link) still has its own points
    expect(await spend(limits, `${key}-other`, 1)).toEqual([200])
  })
})

it('share counts between two instances through Redis', async () => {
  if (!redisUrl) return
  const [a, b] = [createRateLimits(redisUrl, logger), createRateLimits(redisUrl, logger)]
  opened.push(a, b)
  await Promise.all([a.ready(), b.ready()])
  const key = `shared|${randomBytes(6).toString('hex')}`
  const half = RATE_LIMITS.join.points / 2
  expect(await spend(a, key, half)).not.toContain(429)
  expect(await spend(b, key, half)).not.toContain(429)
  expect(await spend(a, key, 1)).toEqual([429])
})

it('keep the counts of deployments with different key prefixes apart in one Redis', async () => {
  if (!redisUrl) return
  const run = randomBytes(4).toString('hex')
  const [a, b] = [
    createRateLimits(redisUrl, logger, `a-${run}:`),
    createRateLimits(redisUrl, logger, `b-${run}:`),
  ]
  opened.push(a, b)
  await Promise.all([a.ready(), b.ready()])
  const { points } = RATE_LIMITS.join
  expect(await spend(a, 'same-key', points + 1)).toContain(429)
  expect(await spend(b, 'same-key', points)).not.toContain(429)
})
