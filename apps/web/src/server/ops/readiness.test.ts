import { createServer, type Server } from 'node:net'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { webMetrics } from './web-metrics'
import { createRateLimits } from '../http/api-rate-limits'
import { checkReadiness } from './readiness'
import type { ServerContext } from '../server-context'
import { openTestContext } from '../../../test/test-context'

const silent = pino({ level: 'silent' })

describe('readiness (/healthz)', () => {
  let ctx: ServerContext
  let close: () => Promise<void>
  beforeEach(async () => {
    ;({ ctx, close } = await openTestContext('mockroom-ready-'))
  })
  afterEach(() => close())

  it('is ready with the store answering and rate counts in memory, and times the ping', async () => {
    const { checkSeconds, registry } = webMetrics()
    expect(await checkReadiness(ctx, checkSeconds)).toEqual({
      ok: true,
      store: 'ok',
      redis: 'not used',
    })
    expect(await registry.metrics()).toMatch(
      /mockroom_web_dependency_ping_seconds_count\{app="web",target="store"\} [1-9]/,
    )
  })

  it('is ready with a real Redis answering', async () => {
    const limits = createRateLimits('redis://127.0.0.1:6379', silent)
    await limits.ready()
    const readiness = await checkReadiness({ ...ctx, limits }, webMetrics().checkSeconds)
    await limits.close()
    expect(readiness).toEqual({ ok: true, store: 'ok', redis: 'ok' })
  })

  it('is not ready when Redis does not answer', async () => {
    // a port that accepts TCP and never speaks: a hung Redis
    const mute: Server = createServer(() => undefined)
    await new Promise<void>((r) => mute.listen(0, '127.0.0.1', r))
    const port = (mute.address() as { port: number }).port
    const limits = createRateLimits(`redis://127.0.0.1:${port}`, silent)
    const readiness = await checkReadiness({ ...ctx, limits }, webMetrics().checkSeconds)
    await limits.close()
    await new Promise((r) => mute.close(r))
    expect(readiness).toEqual({ ok: false, store: 'ok', redis: 'down' })
  })

  it('is not ready when the store does not answer', async () => {
    await ctx.store.close()
    expect(await checkReadiness(ctx, webMetrics().checkSeconds)).toMatchObject({
      ok: false,
      store: 'down',
    })
  })
})
