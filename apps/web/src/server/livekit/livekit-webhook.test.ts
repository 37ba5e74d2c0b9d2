import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, type Store } from '@mockroom/store'
import { AccessToken } from 'livekit-server-sdk'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LivekitConfig } from './livekit-config'
import { recordWebhookEvent, verifyWebhook } from './livekit-webhook'

const config: LivekitConfig = {
  url: 'ws://localhost:7880',
  apiKey: 'devkey',
  apiSecret: 'secret',
  tokenTtlSeconds: 600,
}

async function sign(body: string, key = 'devkey', secret = 'secret') {
  const t = new AccessToken(key, secret)
  t.sha256 = createHash('sha256').update(body).digest('base64')
  return t.toJwt()
}

const body = JSON.stringify({
  event: 'participant_joined',
  id: 'EV_1',
  createdAt: '1700000000',
  room: { name: 'mockroom-r1', sid: 'RM_1' },
  participant: { identity: 'p1', name: 'Cody', sid: 'PA_1' },
})

let dir: string
let store: Store
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mockroom-hook-'))
  store = await openStore({ dataDir: dir })
})
afterEach(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('LiveKit webhook', () => {
  it('accepts a correctly signed body and records it on the current session', async () => {
    const event = await verifyWebhook(config, body, await sign(body))
    expect(event.event).toBe('participant_joined')
    await store.rooms.createRoom({
      roomId: 'r1',
      sessionId: 's1',
      questionId: 'q',
      mode: 'interview',
      links: [],
      now: 1,
    })
    expect(await recordWebhookEvent(store, event)).toBe(true)
    const [recorded] = await store.events.list('s1')
    expect(recorded).toMatchObject({
      type: 'participant_joined',
      participantId: 'p1',
      createdAt: 1_700_000_000_000,
    })
  })

  it('refuses a tampered body, a wrong key and a missing signature', async () => {
    const auth = await sign(body)
    await expect(verifyWebhook(config, body.replace('Cody', 'Eve'), auth)).rejects.toThrow()
    await expect(
      verifyWebhook(config, body, await sign(body, 'devkey', 'not-the-secret')),
    ).rejects.toThrow()
    await expect(verifyWebhook(config, body, null)).rejects.toThrow()
  })

  it('ignores events of rooms it does not know', async () => {
    const event = await verifyWebhook(config, body, await sign(body))
    expect(await recordWebhookEvent(store, event)).toBe(false)
  })
})
