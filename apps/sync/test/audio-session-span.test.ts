// Issue #27, finding 10a: uploaded audio becomes transcript lines only inside the session's span:
// refused after End plus a short grace, and never dated before the session began.
import { readTranscript } from '@mockroom/session-model'
import type { Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { controlClient, seedRoom } from './control-kit'
import type { ListeningServer } from '../src/server/http-server'
import { provider, start, tempDataDir, token, until } from './test-kit'
import type { Transcriber } from '../src/session/transcriber'

const engine: Transcriber = {
  transcribe: () => Promise.resolve([{ offsetMs: 0, durationMs: 1000, text: 'a line' }]),
}

let dataDir: string
let store: Store
let server: ListeningServer
const cleanups: Array<() => void> = []

beforeEach(async () => {
  dataDir = tempDataDir()
  store = await seedRoom(dataDir, 'alipay-international-customers')
})
afterEach(async () => {
  for (const c of cleanups.splice(0)) c()
  await server.close()
  await store.close()
})

async function upload(startedAt: number) {
  const res = await fetch(
    `http://127.0.0.1:${server.port}/sessions/ses1/audio?startedAt=${startedAt}`,
    {
      method: 'POST',
      headers: {
        'content-type': 'audio/webm',
        authorization: `Bearer ${await token('candidate')}`,
      },
      body: new Uint8Array(100),
    },
  )
  return { status: res.status, body: (await res.json()) as object }
}

async function endInterview() {
  const ivy = await controlClient(server.port, 'ses1', await token('interviewer'))
  cleanups.push(() => ivy.raw.ws.close())
  expect(
    (await ivy.send({ type: 'reveal', questionId: 'alipay-international-customers' })).ok,
  ).toBe(true)
  expect((await ivy.send({ type: 'start' })).ok).toBe(true)
  expect((await ivy.send({ type: 'end' })).ok).toBe(true)
  return (await store.sessions.get('ses1'))?.endedAt ?? 0
}

async function watch() {
  const w = await provider(server.port, 'ses1/control', await token('observer'))
  cleanups.push(w.close)
  return w
}

describe('audio uploads and the session span', () => {
  it('refuses audio after End once the grace is over', async () => {
    server = await start(dataDir, { transcriber: engine, uploads: { afterEndGraceMs: 0 } })
    const endedAt = await endInterview()
    const res = await upload(endedAt - 5_000)
    expect(res).toEqual({ status: 409, body: { error: 'the interview has ended' } })
    const w = await watch()
    expect(readTranscript(w.doc)).toEqual([])
  })

  it('takes audio recorded before End within the grace, dated no later than End', async () => {
    server = await start(dataDir, { transcriber: engine })
    const endedAt = await endInterview()
    expect((await upload(endedAt + 60_000)).status).toBe(200)
    const w = await watch()
    await until(() => readTranscript(w.doc).length === 1, w.doc)
    expect(readTranscript(w.doc)[0]).toMatchObject({ startMs: endedAt, endMs: endedAt })
  })

  it('dates audio claimed from 6 h back at the session’s start, not before it', async () => {
    server = await start(dataDir, { transcriber: engine })
    const createdAt = (await store.sessions.get('ses1'))?.createdAt ?? 0
    expect((await upload(Date.now() - 6 * 3_600_000)).status).toBe(200)
    const w = await watch()
    await until(() => readTranscript(w.doc).length === 1, w.doc)
    expect(readTranscript(w.doc)[0]?.startMs).toBe(createdAt)
  })
})
