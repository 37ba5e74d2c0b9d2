import { createHash, randomBytes } from 'node:crypto'
import { AccessToken } from 'livekit-server-sdk'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestContext } from '../../../test/test-context'
import { createRateLimits, type RateLimits } from '../http/api-rate-limits'
import type { ServerContext } from '../server-context'
import { handleWebhookDelivery } from './webhook-delivery'
import { memorySeenWebhooks, redisSeenWebhooks } from './webhook-replay'

// Issue 27, finding 10(b): a captured, validly signed delivery replayed.
async function sign(body: string) {
  const t = new AccessToken('devkey', 'secret')
  t.sha256 = createHash('sha256').update(body).digest('base64')
  return t.toJwt()
}

let ctx: ServerContext
let close: () => Promise<void>
beforeEach(async () => {
  ;({ ctx, close } = await openTestContext('mockroom-webhook-replay-'))
})
afterEach(() => close())

async function replayTenTimes() {
  await ctx.store.rooms.createRoom({
    roomId: 'r1',
    sessionId: 's1',
    questionId: 'q',
    mode: 'interview',
    links: [],
    now: 1,
  })
  const body = JSON.stringify({
    event: 'participant_joined',
    id: `EV_${randomBytes(6).toString('hex')}`,
    createdAt: '1700000000',
    room: { name: 'mockroom-r1', sid: 'RM_1' },
    participant: { identity: 'p1', name: 'Cody', sid: 'PA_1' },
  })
  const authorization = await sign(body)
  const results = []
  for (let i = 0; i < 10; i++)
    results.push((await handleWebhookDelivery(ctx, body, authorization)).recorded)
  return results
}

describe('a replayed LiveKit webhook', () => {
  it('is acted on once (in memory)', async () => {
    expect(await replayTenTimes()).toEqual([true, ...Array<boolean>(9).fill(false)])
    expect(await ctx.store.events.list('s1')).toHaveLength(1)
  })

  const redisUrl = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379'
  let limits: RateLimits | null = null
  afterEach(() => limits?.close())
  it.runIf(redisUrl)('is acted on once across instances sharing Redis', async () => {
    limits = createRateLimits(
      redisUrl,
      pino({ level: 'silent' }),
      `t-${randomBytes(4).toString('hex')}:`,
    )
    await limits.ready()
    const redis = limits.redis()
    if (!redis) throw new Error('no redis')
    // two instances, each with its own memory, one Redis
    const a = redisSeenWebhooks(redis, 'hooks:')
    const b = redisSeenWebhooks(redis, 'hooks:')
    const id = `EV_${randomBytes(6).toString('hex')}`
    expect([await a.firstSeen(id), await b.firstSeen(id), await a.firstSeen(id)]).toEqual([
      true,
      false,
      false,
    ])
    expect(await redis.ttl(`hooks:webhook:${id}`)).toBeGreaterThan(0)
  })

  it('ids are remembered in bounded memory: the oldest and the expired are dropped', async () => {
    let now = 0
    const seen = memorySeenWebhooks(100, 1000, () => now)
    for (let i = 0; i < 1000; i++) expect(await seen.firstSeen(`id${i}`)).toBe(true)
    expect(seen.size()).toBe(100)
    expect(await seen.firstSeen('id999')).toBe(false)
    now = 1001
    expect(await seen.firstSeen('id999')).toBe(true)
    expect(seen.size()).toBe(1)
  })
})
