import { CloseCode, encodeSyncStep1, encodeUpdate } from '@mockroom/protocol'
import { randomBytes } from 'node:crypto'
import { appendParagraph, readSectionText } from '@mockroom/session-model'
import { openStore } from '@mockroom/store'
import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ListeningServer } from '../src/server/http-server'
import { provider, rawClient, start, tempDataDir, token, until } from './test-kit'

let dataDir: string
let server: ListeningServer
const cleanups: Array<() => void> = []

beforeEach(async () => {
  dataDir = tempDataDir()
  server = await start(dataDir)
})
afterEach(async () => {
  for (const c of cleanups.splice(0)) c()
  await server.close()
})

async function client(doc: string, role: Parameters<typeof token>[0]) {
  const c = await provider(server.port, doc, await token(role))
  cleanups.push(c.close)
  return c
}

const isSyncStep2 = (f: Uint8Array) => {
  const d = decoding.createDecoder(f)
  return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 1
}

describe('sync server', () => {
  it('propagates an edit between interviewer and candidate, both ways', async () => {
    const a = await client('ses1/answer', 'interviewer')
    const b = await client('ses1/answer', 'candidate')
    appendParagraph(a.doc, 'clarify', 'Which market first?')
    await until(() => readSectionText(b.doc, 'clarify') === 'Which market first?', b.doc)
    appendParagraph(b.doc, 'segments', 'Tourists')
    await until(() => readSectionText(a.doc, 'segments') === 'Tourists', a.doc)
  })

  it('stores an update before any peer receives it', async () => {
    const a = await client('ses1/answer', 'interviewer')
    const b = await client('ses1/answer', 'candidate')
    const reader = await openStore({ dataDir })
    const storedWhenSeen = new Promise<number>((resolve) => {
      b.doc.on(
        'update',
        () => void reader.updates.listUpdates('ses1/answer').then((r) => resolve(r.length)),
      )
    })
    appendParagraph(a.doc, 'clarify', 'durable first')
    expect(await storedWhenSeen).toBeGreaterThanOrEqual(1)
    const rows = await reader.updates.listUpdates('ses1/answer')
    expect(rows[0]?.author).toBe('interviewer-1')
    await reader.close()
  })

  it("drops an observer's edits: they reach neither peers nor disk", async () => {
    const writer = await client('ses1/answer', 'interviewer')
    const peer = await client('ses1/answer', 'candidate')
    const observer = await rawClient(server.port, 'ses1/answer', await token('observer'))
    cleanups.push(() => observer.ws.close())
    const sneaky = new Y.Doc()
    appendParagraph(sneaky, 'clarify', 'observer was here')
    observer.ws.send(encodeUpdate(Y.encodeStateAsUpdate(sneaky)))
    // barrier: frames are handled in order, and the step-2 reply comes after the store is flushed
    observer.ws.send(encodeSyncStep1(new Y.Doc()))
    await observer.next(isSyncStep2)
    appendParagraph(writer.doc, 'clarify', 'real edit')
    await until(() => readSectionText(peer.doc, 'clarify').includes('real edit'), peer.doc)
    expect(readSectionText(peer.doc, 'clarify')).toBe('real edit')
    const reader = await openStore({ dataDir })
    const rows = await reader.updates.listUpdates('ses1/answer')
    expect(rows.every((r) => r.author !== 'observer-1')).toBe(true)
    await reader.close()
    // the observer still receives everything live
    await observer.received((f) => Buffer.from(f).includes(Buffer.from('real edit')))
  })

  it('refuses candidates and observers on the private document', async () => {
    for (const role of ['candidate', 'observer'] as const) {
      const c = await rawClient(server.port, 'ses1/private', await token(role))
      expect((await c.closed).code).toBe(CloseCode.forbidden)
      expect(c.frames).toHaveLength(0)
    }
    const ok = await client('ses1/private', 'interviewer')
    expect(ok.p.synced).toBe(true)
  })

  it('refuses missing, forged, expired, other-session tokens and unknown documents', async () => {
    const cases: Array<[string, string | null, number]> = [
      ['ses1/answer', null, CloseCode.unauthorized],
      ['ses1/answer', 'garbage.token.value', CloseCode.unauthorized],
      ['ses1/answer', (await token('interviewer')).slice(0, -4) + 'AAAA', CloseCode.unauthorized],
      [
        'ses1/answer',
        await token('interviewer', 'ses1', { ttl: 60, now: Date.now() - 3_600_000 }),
        CloseCode.tokenExpired,
      ],
      ['ses1/answer', await token('interviewer', 'other'), CloseCode.forbidden],
      ['ses1/notes', await token('interviewer'), CloseCode.unknownDocument],
    ]
    for (const [doc, tok, code] of cases) {
      const c = await rawClient(server.port, doc, tok)
      expect({ doc, code: (await c.closed).code }).toEqual({ doc, code })
      expect(c.frames).toHaveLength(0)
    }
  })

  it('closes only the offending connection on a 2 MiB frame or garbage', async () => {
    const a = await client('ses1/answer', 'interviewer')
    const b = await client('ses1/answer', 'candidate')
    const big = await rawClient(
      server.port,
      'ses1/answer',
      await token('candidate', 'ses1', { id: 'big' }),
    )
    big.ws.send(randomBytes(2 * 1024 * 1024))
    expect((await big.closed).code).toBe(CloseCode.messageTooBig)
    const junk = await rawClient(
      server.port,
      'ses1/answer',
      await token('candidate', 'ses1', { id: 'junk' }),
    )
    junk.ws.send(new Uint8Array([0, 1, 200, 200, 200, 200, 200, 1, 2, 3]))
    expect((await junk.closed).code).toBe(CloseCode.badMessage)
    const unknown = await rawClient(
      server.port,
      'ses1/answer',
      await token('candidate', 'ses1', { id: 'u' }),
    )
    unknown.ws.send(new Uint8Array([42, 0]))
    expect((await unknown.closed).code).toBe(CloseCode.badMessage)
    for (let i = 0; i < 20; i++) {
      const r = await rawClient(
        server.port,
        'ses1/answer',
        await token('candidate', 'ses1', { id: `r${i}` }),
      )
      r.ws.send(randomBytes(1 + ((i * 37) % 300)))
      r.ws.close()
    }
    appendParagraph(a.doc, 'clarify', 'still alive')
    await until(() => readSectionText(b.doc, 'clarify') === 'still alive', b.doc)
    const health = (await (await fetch(`http://127.0.0.1:${server.port}/healthz`)).json()) as {
      ok: boolean
    }
    expect(health.ok).toBe(true)
  })

  it('stamps awareness identity from the token, not from what the client claims', async () => {
    const a = await client('ses1/answer', 'interviewer')
    const cand = await client('ses1/answer', 'candidate')
    cand.p.awareness.setLocalStateField('user', {
      name: 'Mallory',
      role: 'interviewer',
      participantId: 'x',
    })
    const seen = () =>
      [...a.p.awareness.getStates().values()].find(
        (s) => (s.user as { participantId?: string } | undefined)?.participantId === 'candidate-1',
      )
    await until(() => seen() !== undefined, a.p.awareness, 'change')
    expect(seen()?.user).toMatchObject({ role: 'candidate', name: 'candidate' })
  })

  it('drops a connection that stops answering within 5 s, and its presence with it', async () => {
    const a = await client('ses1/answer', 'interviewer')
    // a candidate whose network vanished: the socket stays open, but nothing comes back, not
    // even the pong to the server's ping (ws autoPong off)
    class Unanswering extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols, { autoPong: false })
      }
    }
    const doc = new Y.Doc()
    const cand = new WebsocketProvider(`ws://127.0.0.1:${server.port}`, 'ses1/answer', doc, {
      params: { token: await token('candidate') },
      WebSocketPolyfill: Unanswering as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    cleanups.push(() => (cand.destroy(), doc.destroy()))
    cand.awareness.setLocalStateField('user', { name: 'c' })
    const present = () => a.p.awareness.getStates().has(doc.clientID)
    await until(present, a.p.awareness, 'change')
    const since = Date.now()
    await until(() => !present(), a.p.awareness, 'change')
    expect(Date.now() - since).toBeLessThan(5_000)
  })

  it('brings every document back exactly after a restart on the same data dir', async () => {
    const a = await client('ses1/answer', 'interviewer')
    const b = await client('ses1/answer', 'candidate')
    const priv = await client('ses1/private', 'interviewer')
    for (let i = 0; i < 150; i++) appendParagraph(a.doc, i % 2 ? 'clarify' : 'metrics', `line ${i}`)
    appendParagraph(priv.doc, 'notes', 'strong structure')
    await until(() => readSectionText(b.doc, 'clarify').includes('line 149'), b.doc)
    const expected = a.doc.getXmlFragment('section:clarify').toJSON()
    const expectedMetrics = a.doc.getXmlFragment('section:metrics').toJSON()
    for (const c of cleanups.splice(0)) c()
    await server.close()
    server = await start(dataDir)
    const fresh = await client('ses1/answer', 'observer')
    expect(fresh.doc.getXmlFragment('section:clarify').toJSON()).toBe(expected)
    expect(fresh.doc.getXmlFragment('section:metrics').toJSON()).toBe(expectedMetrics)
    const freshPriv = await client('ses1/private', 'interviewer')
    expect(readSectionText(freshPriv.doc, 'notes')).toBe('strong structure')
  })

  it('unloads documents when their last connection closes', async () => {
    const a = await client('ses1/answer', 'interviewer')
    appendParagraph(a.doc, 'clarify', 'x')
    const health = async () =>
      (await (await fetch(`http://127.0.0.1:${server.port}/healthz`)).json()) as {
        documents: number
        connections: number
      }
    expect((await health()).documents).toBe(1)
    a.close()
    cleanups.splice(0)
    let h = await health()
    for (let i = 0; i < 100 && (h.documents !== 0 || h.connections !== 0); i++) {
      await new Promise((r) => setImmediate(r))
      h = await health()
    }
    expect(h).toMatchObject({ documents: 0, connections: 0 })
  })
})
