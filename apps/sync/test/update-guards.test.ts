// Attacks with crafted Yjs updates (issue 11), each against a real server with real clients.
import { CloseCode, encodeSyncStep1, encodeUpdate } from '@mockroom/protocol'
import { appendParagraph, readSectionText } from '@mockroom/session-model'
import { openStore } from '@mockroom/store'
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deletionUpdate, nestedDoc, pendingUpdates, structAt } from './attack-kit'
import type { ListeningServer } from '../src/server/http-server'
import type { SyncLimits } from '../src/guards/sync-limits'
import { provider, rawClient, start, tempDataDir, token, until } from './test-kit'

let server: ListeningServer | null = null
let dataDir = ''
const cleanups: Array<() => void> = []

async function boot(limits: Partial<SyncLimits> = {}) {
  dataDir = tempDataDir()
  server = await start(dataDir, { limits })
  return server.port
}
afterEach(async () => {
  for (const c of cleanups.splice(0)) c()
  await server?.close()
  server = null
})

async function client(port: number, role: 'interviewer' | 'candidate', doc = 'ses1/answer') {
  const c = await provider(port, doc, await token(role))
  cleanups.push(c.close)
  return c
}
async function raw(port: number, role: 'interviewer' | 'candidate', doc = 'ses1/answer') {
  const r = await rawClient(port, doc, await token(role, 'ses1', { id: `${role}-raw` }))
  cleanups.push(() => r.ws.close())
  return r
}
const isStep2 = (f: Uint8Array) => {
  const d = decoding.createDecoder(f)
  return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 1
}
async function authorsStored(doc = 'ses1/answer') {
  const reader = await openStore({ dataDir })
  const rows = await reader.updates.listUpdates(doc)
  await reader.close()
  return rows
}

describe('updates the server validates', () => {
  it("refuses a deletion of another client's future clocks (4422); their later typing reaches everyone", async () => {
    const port = await boot()
    const interviewer = await client(port, 'interviewer')
    const peer = await client(port, 'candidate')
    appendParagraph(interviewer.doc, 'clarify', 'before')
    await until(() => readSectionText(peer.doc, 'clarify') === 'before', peer.doc)
    const attacker = await raw(port, 'candidate')
    attacker.ws.send(
      encodeUpdate(deletionUpdate(interviewer.doc.clientID, 0, Number.MAX_SAFE_INTEGER)),
    )
    expect((await attacker.closed).code).toBe(CloseCode.refused)
    appendParagraph(interviewer.doc, 'clarify', 'after')
    await until(() => readSectionText(peer.doc, 'clarify') === 'before\nafter', peer.doc)
    // and a newcomer sees it too
    const late = await client(port, 'candidate')
    expect(readSectionText(late.doc, 'clarify')).toBe('before\nafter')
  })

  it("refuses writing as another participant's Yjs client id (4422)", async () => {
    const port = await boot()
    const interviewer = await client(port, 'interviewer')
    const peer = await client(port, 'candidate')
    appendParagraph(interviewer.doc, 'clarify', 'before')
    await until(() => readSectionText(peer.doc, 'clarify') === 'before', peer.doc)
    const victim = interviewer.doc.clientID
    const attacker = await raw(port, 'candidate')
    // a GC run over the victim's next million clocks: peers would ignore what the victim types
    const next = Y.getState(interviewer.doc.store, victim)
    attacker.ws.send(encodeUpdate(structAt(victim, next, { gcLength: 1_000_000 })))
    expect((await attacker.closed).code).toBe(CloseCode.refused)
    appendParagraph(interviewer.doc, 'clarify', 'after')
    await until(() => readSectionText(peer.doc, 'clarify') === 'before\nafter', peer.doc)
    expect(interviewer.doc.clientID).toBe(victim)
  })

  it('holds pending updates aside: never stored, never sent to newcomers; a flood is closed', async () => {
    const port = await boot()
    const attacker = await raw(port, 'candidate')
    const updates = pendingUpdates(60, 20_000)
    for (const u of updates) attacker.ws.send(encodeUpdate(u))
    expect((await attacker.closed).code).toBe(CloseCode.refused)
    const newcomer = await rawClient(port, 'ses1/answer', await token('interviewer'))
    cleanups.push(() => newcomer.ws.close())
    newcomer.ws.send(encodeSyncStep1(new Y.Doc()))
    const step2 = await newcomer.next(isStep2)
    expect(step2.length).toBeLessThan(1_000)
    expect(await authorsStored()).toHaveLength(0)
  })

  it('applies a held update once its dependency arrives, and stores both', async () => {
    const port = await boot()
    const peer = await client(port, 'interviewer')
    const writer = await raw(port, 'candidate')
    const author = new Y.Doc()
    const sent: Uint8Array[] = []
    author.on('update', (u: Uint8Array) => sent.push(u))
    appendParagraph(author, 'clarify', 'first')
    appendParagraph(author, 'clarify', 'second')
    writer.ws.send(encodeUpdate(sent[1] as Uint8Array)) // out of order: held
    writer.ws.send(encodeUpdate(sent[0] as Uint8Array))
    await until(() => readSectionText(peer.doc, 'clarify') === 'first\nsecond', peer.doc)
    writer.ws.send(encodeSyncStep1(new Y.Doc()))
    await writer.next(isStep2)
    expect(await authorsStored()).toHaveLength(2)
  })

  it('refuses nesting deeper than the limit (4422) and stores nothing of it', async () => {
    const port = await boot()
    const attacker = await raw(port, 'candidate')
    attacker.ws.send(encodeUpdate(Y.encodeStateAsUpdate(nestedDoc(3000))))
    expect(await attacker.closed).toEqual({
      code: CloseCode.refused,
      reason: 'update refused: nesting too deep',
    })
    expect(await authorsStored()).toHaveLength(0)
    // honest nesting (lists in lists) still works
    const peer = await client(port, 'interviewer')
    const writer = await client(port, 'candidate')
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(nestedDoc(20)))
    await until(() => readSectionText(peer.doc, 'clarify') === 'deep', peer.doc)
  })

  it('closes a writer over the document quota with 4413 and keeps every stored edit', async () => {
    const port = await boot({ docBytes: 20_000, sessionBytes: 1_000_000 })
    const peer = await client(port, 'interviewer')
    const writer = await raw(port, 'candidate')
    const author = new Y.Doc()
    author.on('update', (u: Uint8Array) => writer.ws.send(encodeUpdate(u)))
    for (let i = 0; i < 40; i++) appendParagraph(author, 'clarify', `${i} ${'x'.repeat(1000)}`)
    const closed = await writer.closed
    expect(closed.code).toBe(CloseCode.tooLarge)
    expect(closed.reason).toMatch(/document is full/)
    // a newcomer's step 2 comes once everything applied is stored: after it, the rows are final
    const late = await client(port, 'interviewer')
    const rows = await authorsStored()
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.reduce((n, r) => n + r.data.length, 0)).toBeLessThanOrEqual(20_000)
    // what was stored is what a newcomer and the peer see
    expect(readSectionText(late.doc, 'clarify').split('\n')).toHaveLength(rows.length)
    await until(
      () => readSectionText(peer.doc, 'clarify') === readSectionText(late.doc, 'clarify'),
      peer.doc,
    )
  })

  it('counts the session quota across its documents', async () => {
    const port = await boot({ docBytes: 1_000_000, sessionBytes: 12_000 })
    const answer = await raw(port, 'interviewer', 'ses1/answer')
    const priv = await raw(port, 'interviewer', 'ses1/private')
    const big = (n: number) => {
      const d = new Y.Doc()
      appendParagraph(d, 'clarify', 'y'.repeat(n))
      return encodeUpdate(Y.encodeStateAsUpdate(d))
    }
    answer.ws.send(big(8_000))
    answer.ws.send(encodeSyncStep1(new Y.Doc()))
    await answer.next(isStep2)
    priv.ws.send(big(8_000))
    const closed = await priv.closed
    expect(closed.code).toBe(CloseCode.tooLarge)
    expect(closed.reason).toMatch(/session is full/)
  })
})
