import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from './open-store'

let dir: string
let store: Store

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mockroom-store-'))
  store = await openStore({ dataDir: dir })
})
afterEach(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

async function seedRoom(s: Store) {
  await s.rooms.createRoom({
    roomId: 'r1',
    sessionId: 's1',
    questionId: 'q1',
    mode: 'interview',
    links: [
      { capabilityHash: 'h-int', sealedCapability: 's-int', role: 'interviewer' },
      { capabilityHash: 'h-cand', sealedCapability: 's-cand', role: 'candidate' },
      { capabilityHash: 'h-obs', sealedCapability: 's-obs', role: 'observer' },
    ],
    now: 1000,
  })
}

describe('store', () => {
  it('creates a room and resolves each link to its role and current session', async () => {
    await seedRoom(store)
    expect(await store.rooms.findLink('h-cand')).toEqual({
      roomId: 'r1',
      role: 'candidate',
      questionId: 'q1',
      sessionId: 's1',
      round: 1,
    })
    expect((await store.rooms.findLink('h-obs'))?.role).toBe('observer')
    expect(await store.rooms.findLink('nope')).toBeNull()
    expect(await store.rooms.sessionExists('s1')).toBe(true)
    expect(
      (await store.rooms.sealedLinks('r1')).find((l) => l.role === 'candidate')?.sealedCapability,
    ).toBe('s-cand')
  })

  it('upserts participants and lists them per room', async () => {
    await seedRoom(store)
    await store.rooms.upsertParticipant(
      { id: 'p1', roomId: 'r1', name: 'Ada', role: 'candidate' },
      5,
    )
    await store.rooms.upsertParticipant(
      { id: 'p1', roomId: 'r1', name: 'Ada L.', role: 'candidate' },
      9,
    )
    const list = await store.rooms.listParticipants('r1')
    expect(list).toEqual([
      { id: 'p1', roomId: 'r1', name: 'Ada L.', role: 'candidate', lastSeenAt: 9 },
    ])
  })

  it('keeps updates with author and time, in order, and loads after the latest snapshot', async () => {
    const u = (n: number) => new Uint8Array([n, n + 1, 255])
    await store.updates.appendUpdates([
      { doc: 'd/answer', data: u(1), author: 'p1', createdAt: 10 },
      { doc: 'd/answer', data: u(2), author: 'p2', createdAt: 11 },
      { doc: 'other/answer', data: u(9), author: 'p1', createdAt: 12 },
    ])
    const all = await store.updates.listUpdates('d/answer')
    expect(all.map((r) => [r.author, r.createdAt, Array.from(r.data)])).toEqual([
      ['p1', 10, [1, 2, 255]],
      ['p2', 11, [2, 3, 255]],
    ])
    const first = all[0]?.id ?? -1
    await store.updates.saveSnapshot('d/answer', first, new Uint8Array([7]), 20)
    const loaded = await store.updates.loadDoc('d/answer')
    expect(Array.from(loaded.snapshot ?? [])).toEqual([7])
    expect(loaded.updates.map((x) => Array.from(x))).toEqual([[2, 3, 255]])
    expect(loaded.lastId).toBe(all[1]?.id)
    // the snapshot does not remove history
    expect(await store.updates.listUpdates('d/answer')).toHaveLength(2)
  })

  it('records session events in order and finds the current session', async () => {
    await seedRoom(store)
    expect(await store.rooms.currentSession('r1')).toEqual({ id: 's1', round: 1 })
    expect(await store.rooms.currentSession('nope')).toBeNull()
    await store.events.record({
      sessionId: 's1',
      type: 'participant_joined',
      participantId: 'p1',
      data: { a: 1 },
      createdAt: 3,
    })
    await store.events.record({
      sessionId: 's1',
      type: 'room_finished',
      participantId: null,
      data: {},
      createdAt: 4,
    })
    const events = await store.events.list('s1')
    expect(events.map((e) => [e.type, e.participantId, e.data])).toEqual([
      ['participant_joined', 'p1', { a: 1 }],
      ['room_finished', null, {}],
    ])
  })

  it('survives reopening the same file, and two stores may migrate it at once', async () => {
    await seedRoom(store)
    await store.close()
    const [a, b] = await Promise.all([openStore({ dataDir: dir }), openStore({ dataDir: dir })])
    expect((await a.rooms.findLink('h-int'))?.role).toBe('interviewer')
    expect((await b.rooms.findLink('h-int'))?.role).toBe('interviewer')
    await a.close()
    store = b
  })
})
