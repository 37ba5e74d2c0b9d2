import { CloseCode } from '@mockroom/protocol'
import { readTranscript } from '@mockroom/session-model'
import type { Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { controlClient, seedRoom } from './control-kit'
import type { ListeningServer } from '../src/server/http-server'
import { startSync } from '../src/server/start-sync'
import { logger, provider, secret, tempDataDir, token, until } from './test-kit'

let dataDir: string
let store: Store
let server: ListeningServer
const cleanups: Array<() => void> = []

beforeEach(async () => {
  dataDir = tempDataDir()
  store = await seedRoom(dataDir, 'alipay-international-customers')
  server = await startSync({
    port: 0,
    host: '127.0.0.1',
    store: { dataDir },
    secret,
    logger,
  })
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

async function watch() {
  const w = await provider(server.port, 'ses1/control', await token('observer'))
  cleanups.push(w.close)
  return w
}

describe('transcript', () => {
  it('stamps each line with the speaker from the token, in time order', async () => {
    const w = await watch()
    const now = Date.now()
    const cand = await control('candidate')
    const int = await control('interviewer')
    expect(
      await cand.send({
        type: 'transcript',
        startMs: now - 4000,
        endMs: now - 3000,
        text: 'I would start with tourists',
      }),
    ).toMatchObject({ ok: true })
    expect(
      await int.send({
        type: 'transcript',
        startMs: now - 6000,
        endMs: now - 5000,
        text: 'Tell me about segments',
      }),
    ).toMatchObject({ ok: true })
    expect(await int.send({ type: 'note', text: 'asked about market size' })).toMatchObject({
      ok: true,
    })
    await until(() => readTranscript(w.doc).length === 3, w.doc)
    expect(readTranscript(w.doc).map((s) => [s.speakerId, s.role, s.source, s.text])).toEqual([
      ['interviewer-1', 'interviewer', 'speech', 'Tell me about segments'],
      ['candidate-1', 'candidate', 'speech', 'I would start with tourists'],
      ['interviewer-1', 'interviewer', 'note', 'asked about market size'],
    ])
  })

  it('refuses notes from candidates and any line from observers', async () => {
    const cand = await control('candidate')
    void cand.send({ type: 'note', text: 'sneaky' }) // no result comes: the socket is closed
    expect((await cand.raw.closed).code).toBe(CloseCode.forbidden)
    const obs = await control('observer')
    void obs.send({ type: 'transcript', startMs: 0, endMs: 1, text: 'hello' }) // likewise
    expect((await obs.raw.closed).code).toBe(CloseCode.forbidden)
  })
})
