// Issue #27, finding 11b: /healthz tells anyone whether the instance is ready, but its details
// (documents, connections, queued bytes) only to loopback callers or with the health token.
import { networkInterfaces } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import type { ListeningServer } from '../src/server/http-server'
import { startSync } from '../src/server/start-sync'
import { logger, secret, tempDataDir } from './test-kit'

const healthToken = 'health-token-0123456789abcdef'
let server: ListeningServer | null = null

afterEach(async () => {
  await server?.close()
  server = null
})

// this machine's address on a real interface: a request to it does not come from loopback
const external = Object.values(networkInterfaces())
  .flat()
  .find((i) => i?.family === 'IPv4' && !i.internal)?.address

async function health(host: string, headers: Record<string, string> = {}) {
  if (!server) throw new Error('no server')
  const res = await fetch(`http://${host}:${server.port}/healthz`, { headers })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('/healthz', () => {
  it('answers everyone whether it is ready, and details only to loopback or the token', async () => {
    server = await startSync({
      port: 0,
      host: '0.0.0.0',
      store: { dataDir: tempDataDir() },
      secret,
      logger,
      healthzToken: healthToken,
    })
    const local = await health('127.0.0.1')
    expect(local.status).toBe(200)
    expect(local.body).toMatchObject({ ok: true, store: true, documents: 0, connections: 0 })
    // through a balancer on this host: the request is someone else's
    const forwarded = await health('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })
    expect(forwarded).toEqual({ status: 200, body: { ok: true } })
    expect(
      await health('127.0.0.1', {
        'x-forwarded-for': '203.0.113.9',
        authorization: `Bearer ${healthToken}`,
      }),
    ).toMatchObject({ status: 200, body: { ok: true, documents: 0 } })
    expect(
      await health('127.0.0.1', { 'x-forwarded-for': '203.0.113.9', authorization: 'Bearer no' }),
    ).toEqual({ status: 200, body: { ok: true } })
    // from another interface, as anyone on the network reaches `pnpm start`'s 0.0.0.0
    expect(external, 'a non-loopback IPv4 interface').toBeDefined()
    expect(await health(external as string)).toEqual({ status: 200, body: { ok: true } })
  })
})
