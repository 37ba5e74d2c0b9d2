import { CloseCode } from '@mockroom/protocol'
import { openStore, type Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LiveDoc } from './live-doc'
import { context, fakeSocket, faultyStore, gate, type Gate } from '../../test/fake-socket'
import { LiveDocRegistry } from './live-doc-registry'
import { logger, tempDataDir } from '../../test/test-kit'

let store: Store
let loadGate: Gate | undefined
let failAppend = false
let registry: LiveDocRegistry
let loads = 0

beforeEach(async () => {
  store = await openStore({ dataDir: tempDataDir() })
  loadGate = undefined
  failAppend = false
  loads = 0
  const faulty = faultyStore(store, {
    get loadGate() {
      return loadGate
    },
    failAppend: () => failAppend,
  })
  registry = new LiveDocRegistry((name, drop) => {
    loads++
    return LiveDoc.load(name, faulty, logger, drop)
  }, logger)
})
afterEach(async () => {
  await registry.closeAll(CloseCode.goingAway, 'test over')
  await store.close()
})

// a client's update that sets m.k = 1 (Yjs client 1) (what applyClientUpdate hands the document once it is checked)
const clientEdit = () => {
  const d = new Y.Doc()
  d.clientID = 1
  d.getMap('m').set('k', 1)
  return Y.encodeStateAsUpdate(d)
}
const destroyed = (live: LiveDoc) => new Promise<void>((r) => live.doc.once('destroy', () => r()))

describe('live document registry', () => {
  it('loads a document once for concurrent opens and unloads it after the last release', async () => {
    const [a, b] = await Promise.all([registry.open('ses1/answer'), registry.open('ses1/answer')])
    expect(a).toBe(b)
    expect(loads).toBe(1)
    expect(registry.state('ses1/answer')).toBe('open')
    registry.release(a)
    expect(registry.state('ses1/answer')).toBe('open')
    const gone = destroyed(a)
    registry.release(b)
    expect(registry.state('ses1/answer')).toBe('unloading')
    await gone
    // a new open waits for the unload, then loads the stored state again
    const c = await registry.open('ses1/answer')
    expect(c).not.toBe(a)
    expect(loads).toBe(2)
    registry.release(c)
  })

  it('keeps a document held by a server task while its last connection leaves', async () => {
    const held = await registry.open('ses1/answer')
    const task = gate()
    const running = registry.use('ses1/answer', () => task.wait)
    registry.release(held)
    expect(registry.state('ses1/answer')).toBe('open')
    task.open()
    await running
    expect(registry.state('ses1/answer')).not.toBe('open')
  })

  it('forgets a document dropped after a storage failure: no entry, not walked, reopened fresh', async () => {
    const live = await registry.open('ses1/answer')
    const member = {
      socket: fakeSocket(),
      context: context(),
      clientIds: [],
    }
    live.join(member)
    failAppend = true
    live.applyClient(clientEdit(), member, null, [1])
    await live.flush()
    expect(await member.socket.closed).toEqual({
      code: CloseCode.storageFailure,
      reason: 'storage unavailable',
    })
    expect(registry.state('ses1/answer')).toBeUndefined()
    expect([...registry.openDocs()]).toEqual([])
    expect(registry.size).toBe(0)
    // the leaving connection's release of the dead document changes nothing
    registry.release(live)
    failAppend = false
    const fresh = await registry.open('ses1/answer')
    expect(fresh).not.toBe(live)
    expect([...registry.openDocs()]).toEqual([fresh])
    registry.release(fresh)
  })

  it('unloads a document whose only opener released it while it was loading', async () => {
    loadGate = gate()
    const opening = registry.open('ses1/answer')
    expect(registry.state('ses1/answer')).toBe('loading')
    // a connection that closed during the load releases as soon as it gets the document
    const released = opening.then(async (live) => {
      const gone = destroyed(live)
      registry.release(live)
      await gone
      return live
    })
    loadGate.open()
    const live = await released
    expect(live.doc.isDestroyed).toBe(true)
    expect(registry.state('ses1/answer')).toBeUndefined()
  })

  it('closes every member with the given code and stores everything on close-all', async () => {
    const live = await registry.open('ses1/answer')
    const socket = fakeSocket()
    const member = { socket, context: context(), clientIds: [] }
    live.join(member)
    live.applyClient(clientEdit(), member, null, [1])
    await registry.closeAll(CloseCode.goingAway, 'server shutting down')
    expect((await socket.closed).code).toBe(CloseCode.goingAway)
    expect(registry.size).toBe(0)
    expect((await store.updates.listUpdates('ses1/answer')).length).toBe(1)
    await expect(registry.open('ses1/answer')).rejects.toMatchObject({ code: CloseCode.goingAway })
  })
})
