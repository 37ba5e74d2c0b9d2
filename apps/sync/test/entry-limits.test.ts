// Limits on the sync server's entry points (issue 11): rates, sampled logs, complete removal.
import { encodeControlRequest, CloseCode, encodeSyncStep1, encodeUpdate } from '@mockroom/protocol'
import { appendParagraph } from '@mockroom/session-model'
import type { Store } from '@mockroom/store'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { tokenAuthenticator } from '../src/server/authenticate'
import { controlClient, seedRoom } from './control-kit'
import type { ListeningServer } from '../src/server/http-server'
import type { RateRules } from '../src/guards/sync-rate-limits'
import { createSyncServer } from '../src/server/sync-server'
import { logger, rawClient, secret, start, tempDataDir, token } from './test-kit'
import type { Logger } from '../src/observability/logger'

let server: ListeningServer | null = null
let store: Store | null = null
const cleanups: Array<() => void> = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) c()
  await server?.close()
  await store?.close()
  server = null
  store = null
})

async function boot(rates: Partial<RateRules>, log: Logger = logger) {
  const dataDir = tempDataDir()
  store = await seedRoom(dataDir, 'alipay-international-customers')
  server = await start(dataDir, {
    rates,
    logger: log,
  })
  return server.port
}
async function connect(port: number, tok: string | null, doc = 'ses1/answer') {
  const r = await rawClient(port, doc, tok)
  cleanups.push(() => r.ws.close())
  return r
}

describe('rate limits', () => {
  it('refuses connections over the per-address limit with 1013 (try again later)', async () => {
    const port = await boot({ connectionsPerAddress: { points: 3, duration: 60 } })
    const tok = await token('candidate')
    const first = await Promise.all([1, 2, 3].map(() => connect(port, tok)))
    const over = await connect(port, tok)
    expect((await over.closed).code).toBe(CloseCode.tryAgainLater)
    // the ones inside the limit are served
    first[0]?.ws.send(encodeSyncStep1(new Y.Doc()))
    await first[0]?.next((f) => f[0] === 0 && f[1] === 1)
  })

  it('refuses connections over the per-session limit with 1013', async () => {
    const port = await boot({ connectionsPerSession: { points: 2, duration: 60 } })
    const tok = await token('candidate')
    await connect(port, tok)
    await connect(port, tok, 'ses1/control')
    const over = await connect(port, tok)
    expect((await over.closed).code).toBe(CloseCode.tryAgainLater)
    // another session is not affected
    const other = await connect(port, await token('candidate', 'ses2'), 'ses2/answer')
    other.ws.send(encodeSyncStep1(new Y.Doc()))
    await other.next((f) => f[0] === 0 && f[1] === 1)
  })

  it('answers control requests over the limit with an error, keeping the connection', async () => {
    const port = await boot({ controlPerParticipant: { points: 5, duration: 60 } })
    const c = await controlClient(port, 'ses1', await token('interviewer'))
    cleanups.push(() => c.raw.ws.close())
    const results = []
    for (let i = 0; i < 8; i++) results.push(await c.send({ type: 'note', text: `n${i}` }))
    expect(results.filter((r) => r.ok)).toHaveLength(5)
    const last = results.at(-1)
    expect(last?.ok).toBe(false)
    expect(last?.ok === false && last.error).toMatch(/too many/)
  })

  it('answers audio uploads over the limit with 429 JSON', async () => {
    const port = await boot({ uploadsPerParticipant: { points: 2, duration: 60 } })
    const tok = await token('candidate')
    const post = () =>
      fetch(`http://127.0.0.1:${port}/sessions/ses1/tracks/track-0001/chunks/1`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${tok}`, 'content-type': 'audio/webm' },
        body: new Uint8Array(100),
      })
    // nobody asked to record: refused, but each try counts
    expect((await post()).status).toBe(409)
    expect((await post()).status).toBe(409)
    const third = await post()
    expect(third.status).toBe(429)
    expect(((await third.json()) as { error: string }).error).toMatch(/too many/)
  })

  it('closes a connection flooding frames (4429)', async () => {
    const port = await boot({ framesPerConnection: { points: 100, duration: 10 } })
    const c = await connect(port, await token('candidate'))
    for (let i = 0; i < 150; i++) c.ws.send(encodeSyncStep1(new Y.Doc()))
    expect((await c.closed).code).toBe(CloseCode.rateLimited)
  })
})

describe('refused frames in the log', () => {
  it('are sampled: a flood of refusals costs a line or two, not one each', async () => {
    const lines: object[] = []
    const capture: Logger = { ...logger, warn: (o) => void lines.push(o), info: () => {} }
    const port = await boot({}, capture)
    const closes = []
    for (let i = 0; i < 30; i++) closes.push((await connect(port, 'forged')).closed)
    for (const c of await Promise.all(closes)) expect(c.code).toBe(CloseCode.unauthorized)
    expect(lines.length).toBeLessThanOrEqual(2)
  })
})

describe('removal', () => {
  it("applies nothing a removed participant's frames still in flight carry", async () => {
    store = await seedRoom(tempDataDir(), 'alipay-international-customers')
    const core = createSyncServer({
      store,
      logger,
      onAuthenticate: tokenAuthenticator(secret, store),
    })
    cleanups.push(() => void core.close())
    // the candidate's peer keeps sending after the server closed its socket (frames on the wire)
    let candidateClosed!: (code: number) => void
    const removed = new Promise<number>((resolve) => (candidateClosed = resolve))
    const cand = core.connect(
      { send: () => {}, close: (code) => candidateClosed(code) },
      { documentName: 'ses1/answer', token: await token('candidate') },
    )
    const interviewer = core.connect(
      { send: () => {}, close: () => {} },
      { documentName: 'ses1/control', token: await token('interviewer') },
    )
    interviewer.receive(
      encodeControlRequest({ id: 1, action: { type: 'remove', participantId: 'candidate-1' } }),
    )
    expect(await removed).toBe(CloseCode.removed)
    const sneaky = new Y.Doc()
    appendParagraph(sneaky, 'clarify', 'written after removal')
    cand.receive(encodeUpdate(Y.encodeStateAsUpdate(sneaky)))
    // barrier: a later reader's step 2 comes after everything applied so far is stored
    const readerToken = await token('interviewer', 'ses1', { id: 'reader' })
    const step2 = await new Promise<Uint8Array>((resolve) => {
      const h = core.connect(
        { send: (d) => (d[0] === 0 && d[1] === 1 ? resolve(d) : undefined), close: () => {} },
        { documentName: 'ses1/answer', token: readerToken },
      )
      h.receive(encodeSyncStep1(new Y.Doc()))
    })
    expect(Buffer.from(step2).includes(Buffer.from('written after removal'))).toBe(false)
    const authors = (await store.updates.listUpdates('ses1/answer')).map((u) => u.author)
    expect(authors).not.toContain('candidate-1')
  })
})
