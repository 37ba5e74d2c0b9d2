import { CloseCode, CloseError, encodeUpdate } from '@mockroom/protocol'
import { appendParagraph } from '@mockroom/session-model'
import { openStore, type Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  context,
  fakeSocket,
  faultyStore,
  gate,
  isSyncStep1,
  isUpdate,
  type Gate,
} from './fake-socket'
import { createSyncServer, type SyncServer } from '../src/server/sync-server'
import { logger, tempDataDir } from './test-kit'
import type { AuthenticatePayload } from '../src/server/authenticate'

let store: Store
let server: SyncServer
let loadGate: Gate | undefined
let failAppend = false

function serverWith(
  onAuthenticate = (p: AuthenticatePayload) =>
    Promise.resolve(context({ participantId: p.token ?? 'x' })),
) {
  const faulty = faultyStore(store, {
    get loadGate() {
      return loadGate
    },
    failAppend: () => failAppend,
  })
  return createSyncServer({ store: faulty, logger, onAuthenticate })
}

beforeEach(async () => {
  store = await openStore({ dataDir: tempDataDir() })
  loadGate = undefined
  failAppend = false
  server = serverWith()
})
afterEach(async () => {
  await server.close()
  await store.close()
})

function edit(text: string): Uint8Array {
  const doc = new Y.Doc()
  appendParagraph(doc, 'clarify', text)
  return encodeUpdate(Y.encodeStateAsUpdate(doc))
}

describe('connection handling (fake sockets, no network)', () => {
  it('greets, stores an update and relays it to the other member', async () => {
    const a = fakeSocket()
    const b = fakeSocket()
    const ha = server.connect(a, { documentName: 'ses1/answer', token: 'interviewer-1' })
    server.connect(b, { documentName: 'ses1/answer', token: 'candidate-1' })
    await Promise.all([a.next(isSyncStep1), b.next(isSyncStep1)])
    ha.receive(edit('hello'))
    await b.next(isUpdate)
    const rows = await store.updates.listUpdates('ses1/answer')
    expect(rows.map((r) => r.author)).toEqual(['interviewer-1'])
    expect(a.frames.filter(isUpdate)).toEqual([]) // never echoed to its sender
    expect(server.stats()).toEqual({ documents: 1, connections: 2 })
  })

  it('stores and relays the update as sent, and stores nothing for a repeat', async () => {
    const a = fakeSocket()
    const b = fakeSocket()
    const ha = server.connect(a, { documentName: 'ses1/answer', token: 'interviewer-1' })
    server.connect(b, { documentName: 'ses1/answer', token: 'candidate-1' })
    await Promise.all([a.next(isSyncStep1), b.next(isSyncStep1)])
    const frame = edit('hello')
    ha.receive(frame)
    // the peer gets the writer's frame byte for byte (no decode and encode on the way)
    expect(await b.next(isUpdate)).toEqual(frame)
    ha.receive(frame) // the same update again: the document has it all
    const world = edit('world')
    ha.receive(world)
    await b.next((f) => isUpdate(f) && f === world)
    expect(b.frames.filter(isUpdate)).toEqual([frame, world]) // the repeat went to no one
    const rows = await store.updates.listUpdates('ses1/answer')
    expect(rows).toHaveLength(2)
    const copy = new Y.Doc()
    for (const r of rows) Y.applyUpdate(copy, r.data)
    expect(copy.getXmlFragment('section:clarify').length).toBe(2)
  })

  it('closes with the CloseError of a refused authentication and holds no document', async () => {
    server = serverWith(() => Promise.reject(new CloseError(CloseCode.unauthorized, 'no')))
    const s = fakeSocket()
    server.connect(s, { documentName: 'ses1/answer', token: null })
    expect(await s.closed).toEqual({ code: CloseCode.unauthorized, reason: 'no' })
    expect(server.stats().documents).toBe(0)
  })

  it('frees a document whose socket closed while it was loading', async () => {
    loadGate = gate()
    const s = fakeSocket()
    const handle = server.connect(s, { documentName: 'ses1/answer', token: 'interviewer-1' })
    await vi.waitFor(() => expect(server.stats().documents).toBe(1))
    handle.closed()
    loadGate.open()
    // the old server kept this document in memory for good
    await vi.waitFor(() => expect(server.stats().documents).toBe(0))
    expect(s.frames).toEqual([])
    expect(server.stats().connections).toBe(0)
  })

  it('closes every member with 1011 after a storage failure and forgets the document', async () => {
    const a = fakeSocket()
    const b = fakeSocket()
    const ha = server.connect(a, { documentName: 'ses1/answer', token: 'interviewer-1' })
    const hb = server.connect(b, { documentName: 'ses1/answer', token: 'candidate-1' })
    await Promise.all([a.next(isSyncStep1), b.next(isSyncStep1)])
    failAppend = true
    ha.receive(edit('lost?'))
    expect((await a.closed).code).toBe(CloseCode.storageFailure)
    expect((await b.closed).code).toBe(CloseCode.storageFailure)
    expect(server.stats().documents).toBe(0)
    ha.closed()
    hb.closed()
    // reconnecting loads a fresh copy from the store: the failed edit was never acknowledged
    failAppend = false
    const c = fakeSocket()
    server.connect(c, { documentName: 'ses1/answer', token: 'interviewer-1' })
    await c.next(isSyncStep1)
    expect(server.stats()).toEqual({ documents: 1, connections: 1 })
  })

  it('closes members with 1001 on shutdown and refuses new ones', async () => {
    const a = fakeSocket()
    server.connect(a, { documentName: 'ses1/answer', token: 'interviewer-1' })
    await a.next(isSyncStep1)
    await server.close()
    expect((await a.closed).code).toBe(CloseCode.goingAway)
    const late = fakeSocket()
    server.connect(late, { documentName: 'ses1/answer', token: 'interviewer-1' })
    expect((await late.closed).code).toBe(CloseCode.goingAway)
  })
})
