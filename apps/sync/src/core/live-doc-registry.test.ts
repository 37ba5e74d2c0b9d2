import { CloseCode } from '@mockroom/protocol'
import { openStore, type Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DocRoom } from './live-doc'
import { context, fakeSocket, faultyStore, gate, type Gate } from '../../test/fake-socket'
import { RoomRegistry } from './live-doc-registry'
import { logger, tempDataDir } from '../../test/test-kit'

let store: Store
let loadGate: Gate | undefined
let failAppend = false
let registry: RoomRegistry
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
  registry = new RoomRegistry((name, drop) => {
    loads++
    return DocRoom.load(name, faulty, logger, drop)
  }, logger)
})
afterEach(async () => {
  await registry.closeAll(CloseCode.goingAway, 'test over')
  await store.close()
})

// a client's update that sets m.k = 1 (Yjs client 1) (what applyClientUpdate hands the room once it is checked)
const clientEdit = () => {
  const d = new Y.Doc()
  d.clientID = 1
  d.getMap('m').set('k', 1)
  return Y.encodeStateAsUpdate(d)
}
const destroyed = (room: DocRoom) => new Promise<void>((r) => room.doc.once('destroy', () => r()))

describe('room registry', () => {
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

  it('keeps a room held by a server task while its last connection leaves', async () => {
    const held = await registry.open('ses1/answer')
    const task = gate()
    const running = registry.use('ses1/answer', () => task.wait)
    registry.release(held)
    expect(registry.state('ses1/answer')).toBe('open')
    task.open()
    await running
    expect(registry.state('ses1/answer')).not.toBe('open')
  })

  it('forgets a room dropped after a storage failure: no entry, not walked, reopened fresh', async () => {
    const room = await registry.open('ses1/answer')
    const member = {
      socket: fakeSocket(),
      context: context(),
      clientIds: [],
    }
    room.join(member)
    failAppend = true
    room.applyClient(clientEdit(), member, null, [1])
    await room.flush()
    expect(await member.socket.closed).toEqual({
      code: CloseCode.storageFailure,
      reason: 'storage unavailable',
    })
    expect(registry.state('ses1/answer')).toBeUndefined()
    expect([...registry.openRooms()]).toEqual([])
    expect(registry.size).toBe(0)
    // the leaving connection's release of the dead room changes nothing
    registry.release(room)
    failAppend = false
    const fresh = await registry.open('ses1/answer')
    expect(fresh).not.toBe(room)
    expect([...registry.openRooms()]).toEqual([fresh])
    registry.release(fresh)
  })

  it('unloads a document whose only opener released it while it was loading', async () => {
    loadGate = gate()
    const opening = registry.open('ses1/answer')
    expect(registry.state('ses1/answer')).toBe('loading')
    // a connection that closed during the load releases as soon as it gets the room
    const released = opening.then(async (room) => {
      const gone = destroyed(room)
      registry.release(room)
      await gone
      return room
    })
    loadGate.open()
    const room = await released
    expect(room.doc.isDestroyed).toBe(true)
    expect(registry.state('ses1/answer')).toBeUndefined()
  })

  it('closes every member with the given code and stores everything on close-all', async () => {
    const room = await registry.open('ses1/answer')
    const socket = fakeSocket()
    const member = { socket, context: context(), clientIds: [] }
    room.join(member)
    room.applyClient(clientEdit(), member, null, [1])
    await registry.closeAll(CloseCode.goingAway, 'server shutting down')
    expect((await socket.closed).code).toBe(CloseCode.goingAway)
    expect(registry.size).toBe(0)
    expect((await store.updates.listUpdates('ses1/answer')).length).toBe(1)
    await expect(registry.open('ses1/answer')).rejects.toMatchObject({ code: CloseCode.goingAway })
  })
})
