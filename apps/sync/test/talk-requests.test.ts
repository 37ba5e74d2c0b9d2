import { CloseCode } from '@mockroom/protocol'
import { readTalk } from '@mockroom/session-model'
import type { Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { controlClient, seedRoom } from './control-kit'
import type { ListeningServer } from '../src/server/http-server'
import { provider, start, tempDataDir, token, until } from './test-kit'

let store: Store
let server: ListeningServer
const cleanups: Array<() => void> = []

beforeEach(async () => {
  const dataDir = tempDataDir()
  store = await seedRoom(dataDir, 'alipay-international-customers')
  server = await start(dataDir)
})
afterEach(async () => {
  for (const c of cleanups.splice(0)) c()
  await server.close()
  await store.close()
})

async function control(role: 'interviewer' | 'candidate' | 'observer') {
  const c = await controlClient(server.port, 'ses1', await token(role))
  cleanups.push(() => c.raw.ws.close())
  return c
}

describe('talk time', () => {
  it('stores spans stamped with the speaker from the token and the running section', async () => {
    const watcher = await provider(server.port, 'ses1/control', await token('observer'))
    cleanups.push(watcher.close)
    const int = await control('interviewer')
    const cand = await control('candidate')
    await int.send({ type: 'reveal', questionId: 'alipay-international-customers' })
    await int.send({ type: 'start' })
    const now = Date.now()
    expect(await cand.send({ type: 'talk', startMs: now - 3000, endMs: now - 1000 })).toEqual({
      id: 1,
      ok: true,
    })
    // a span claiming the future or an hour is cut to what the server can believe
    await int.send({ type: 'talk', startMs: now - 3_600_000, endMs: now + 3_600_000 })
    await until(() => readTalk(watcher.doc).length === 2, watcher.doc)
    const [first, second] = readTalk(watcher.doc)
    expect(first).toEqual({
      speakerId: 'candidate-1',
      name: 'candidate',
      role: 'candidate',
      startMs: now - 3000,
      endMs: now - 1000,
      sectionKey: 'clarify',
    })
    expect(second?.speakerId).toBe('interviewer-1')
    expect((second?.endMs ?? 0) - (second?.startMs ?? 0)).toBeLessThanOrEqual(60_000)
    expect(second?.endMs).toBeLessThanOrEqual(Date.now())
  })

  it('refuses talk from observers and after the end', async () => {
    const int = await control('interviewer')
    await int.send({ type: 'end' })
    const refused = await int.send({ type: 'talk', startMs: 0, endMs: 1 })
    expect(refused).toMatchObject({ ok: false, error: 'the interview has ended' })
    const obs = await control('observer')
    void obs.send({ type: 'talk', startMs: 0, endMs: 1 }) // no result: the socket is closed
    expect((await obs.raw.closed).code).toBe(CloseCode.forbidden)
  })
})
