import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backends } from '../test/store-backends'
import { openStore, type Store, type StoreConfig } from './open-store'

// a stand-in for Yjs' merge: the set of bytes of every part, 255 (an end mark) left out
const union = (parts: Uint8Array[]) =>
  Uint8Array.from(new Set(parts.flatMap((p) => [...p].filter((b) => b !== 255)))).sort()

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

describe.each(backends)('store on $name', (backend) => {
  let config: StoreConfig
  let store: Store
  let drop: () => Promise<void>

  beforeEach(async () => {
    const made = await backend.create()
    config = made.config
    drop = () => made.drop()
    store = await openStore(config)
  })
  afterEach(async () => {
    await store.close()
    await drop()
  })

  it('answers a ping while open and refuses one once closed (readiness checks)', async () => {
    await expect(store.ping()).resolves.toBeUndefined()
    await store.close()
    await expect(store.ping()).rejects.toThrow()
    store = await openStore(config)
  })

  it('creates a room and resolves each link to its role and current session', async () => {
    await seedRoom(store)
    expect(await store.rooms.findLink('h-cand')).toEqual({
      roomId: 'r1',
      role: 'candidate',
      questionId: 'q1',
      sessionId: 's1',
      round: 1,
      swapped: false,
      mode: 'interview',
      status: 'lobby',
      revokedAt: null,
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
      {
        id: 'p1',
        roomId: 'r1',
        name: 'Ada L.',
        role: 'candidate',
        firstSeenAt: 5, // a rejoin keeps the first time seen
        lastSeenAt: 9,
        removedAt: null,
        admission: 'admitted',
      },
    ])
  })

  it('keeps updates with author and time, in order, and loads after the latest snapshot', async () => {
    const u = (n: number) => new Uint8Array([n, n + 1, 255])
    // one batch across documents (the sync server's commit window): ids come back in row order
    const ids = await store.updates.appendUpdates([
      { doc: 'd/answer', data: u(1), author: 'p1', createdAt: 10 },
      { doc: 'other/answer', data: u(9), author: 'p1', createdAt: 12 },
      { doc: 'd/answer', data: u(2), author: 'p2', createdAt: 11 },
    ])
    expect(ids).toHaveLength(3)
    expect([...ids].sort((a, b) => a - b)).toEqual(ids)
    expect((await store.updates.listUpdates('other/answer')).map((r) => r.id)).toEqual([ids[1]])
    const all = await store.updates.listUpdates('d/answer')
    expect(all.map((r) => [r.author, r.createdAt, Array.from(r.data)])).toEqual([
      ['p1', 10, [1, 2, 255]],
      ['p2', 11, [2, 3, 255]],
    ])
    // a compaction folds the rows into a snapshot and marks them
    expect(await store.updates.compact('d/answer', union, 20)).toEqual({ compacted: 2 })
    const [later] = await store.updates.appendUpdates([
      { doc: 'd/answer', data: u(3), author: 'p1', createdAt: 21 },
    ])
    const loaded = await store.updates.loadDoc('d/answer')
    expect(Array.from(loaded.snapshot ?? [])).toEqual([1, 2, 3])
    expect(loaded.updates.map((x) => Array.from(x))).toEqual([[3, 4, 255]])
    expect(loaded.lastId).toBe(later)
    // the next one starts from the snapshot; the history stays for replay
    await store.updates.compact('d/answer', union, 22)
    const again = await store.updates.loadDoc('d/answer')
    expect([Array.from(again.snapshot ?? []), again.updates]).toEqual([[1, 2, 3, 4], []])
    expect(await store.updates.listUpdates('d/answer')).toHaveLength(3)
    // quotas count every stored byte per document
    const bytes = await store.updates.storedBytes(['d/answer', 'other/answer', 'none/answer'])
    expect([...bytes.entries()].sort()).toEqual([
      ['d/answer', 9],
      ['other/answer', 3],
    ])
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
    const [a, b] = await Promise.all([openStore(config), openStore(config)])
    expect((await a.rooms.findLink('h-int'))?.role).toBe('interviewer')
    expect((await b.rooms.findLink('h-int'))?.role).toBe('interviewer')
    await a.close()
    store = b
  })
})

describe.each(backends)('sessions on $name', (backend) => {
  let store: Store
  let drop: () => Promise<void>
  beforeEach(async () => {
    const made = await backend.create()
    store = await openStore(made.config)
    drop = () => made.drop()
  })
  afterEach(async () => {
    await store.close()
    await drop()
  })

  it('reveals, goes live, ends, and opens a swapped next round', async () => {
    await seedRoom(store)
    expect(await store.sessions.reveal('s1', 'q2', 50)).toBe(true)
    expect(await store.sessions.markLive('s1')).toBe(true)
    // transitions are conditional: a second start (another instance's) changes nothing
    expect(await store.sessions.markLive('s1')).toBe(false)
    expect(await store.sessions.reveal('s1', 'q3', 60)).toBe(false)
    expect(await store.sessions.get('s1')).toMatchObject({
      questionId: 'q2',
      revealedAt: 50,
      status: 'live',
      swapped: false,
    })
    const first = await store.sessions.get('s1')
    if (!first) throw new Error('missing session')
    const next = await store.sessions.createNext(first, {
      sessionId: 's2',
      questionId: 'q3',
      now: 90,
    })
    expect(next).toMatchObject({
      id: 's2',
      round: 2,
      swapped: true,
      status: 'lobby',
      mode: 'interview',
    })
    expect(await store.sessions.get('s1')).toMatchObject({ status: 'ended', endedAt: 90 })
    expect((await store.sessions.listForRoom('r1')).map((s) => s.round)).toEqual([2, 1])
    // two requests racing for the next round (two instances): one opens it, the other gets null
    const raced = await Promise.all(
      ['s2a', 's2b'].map((sessionId) =>
        store.sessions.createNext(first, { sessionId, questionId: 'q3', now: 91 }),
      ),
    )
    expect(raced).toEqual([null, null])
    expect(await store.sessions.end('s2', 95)).toBe(true)
    expect(await store.sessions.end('s2', 96)).toBe(false)
    // every link now resolves to round 2
    expect(await store.rooms.findLink('h-int')).toMatchObject({
      sessionId: 's2',
      round: 2,
      swapped: true,
    })
  })

  it('keeps the first role a participant held in each session, and their key hash', async () => {
    await seedRoom(store)
    await store.rooms.upsertParticipant(
      { id: 'p1', roomId: 'r1', name: 'Ada', role: 'candidate' },
      1,
    )
    await store.members.recordMember({ sessionId: 's1', participantId: 'p1', role: 'candidate' }, 2)
    await store.members.recordMember(
      { sessionId: 's1', participantId: 'p1', role: 'interviewer' },
      3,
    )
    expect(await store.members.memberRole('s1', 'p1')).toBe('candidate')
    expect(await store.members.memberRole('s1', 'nobody')).toBeNull()
    expect([...(await store.members.rolesOf('p1'))]).toEqual([['s1', 'candidate']])
    await store.members.setKeyHash('p1', 'h1')
    await store.members.setKeyHash('p1', 'h2')
    expect(await store.members.keyHash('p1')).toBe('h1')
    expect(await store.members.keyHash('p2')).toBeNull()
  })

  it('marks a participant removed', async () => {
    await seedRoom(store)
    await store.rooms.upsertParticipant(
      { id: 'p9', roomId: 'r1', name: 'Olga', role: 'observer' },
      1,
    )
    await store.rooms.markParticipantRemoved('p9', 7)
    expect((await store.rooms.findParticipant('p9'))?.removedAt).toBe(7)
  })

  it('keeps a newcomer waiting until admitted or turned away', async () => {
    await seedRoom(store)
    const zoe = { id: 'p7', roomId: 'r1', name: 'Zoe', role: 'observer' as const }
    await store.rooms.upsertParticipant({ ...zoe, admission: 'waiting' }, 1)
    expect((await store.rooms.findParticipant('p7'))?.admission).toBe('waiting')
    // a rejoin while waiting does not admit anyone
    await store.rooms.upsertParticipant({ ...zoe, admission: 'admitted' }, 2)
    expect((await store.rooms.findParticipant('p7'))?.admission).toBe('waiting')
    await store.rooms.setAdmission('p7', 'turned-away')
    expect((await store.rooms.findParticipant('p7'))?.admission).toBe('turned-away')
  })

  it('replaces the links: old ones are revoked, new ones are the only ones shown', async () => {
    await seedRoom(store)
    await store.rooms.replaceLinks(
      'r1',
      [{ capabilityHash: 'h-cand2', sealedCapability: 's-cand2', role: 'candidate' }],
      11,
    )
    expect((await store.rooms.findLink('h-cand'))?.revokedAt).toBe(11)
    expect((await store.rooms.findLink('h-cand2'))?.revokedAt).toBeNull()
    expect(await store.rooms.sealedLinks('r1')).toEqual([
      { role: 'candidate', sealedCapability: 's-cand2' },
    ])
  })
})

describe('the SQLite files', () => {
  it('are created private to the user: data dir 0700, database and WAL files 0600', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'mockroom-perm-'))
    const dataDir = join(parent, 'data')
    const store = await openStore({ dataDir })
    await store.rooms.createRoom({
      roomId: 'r',
      sessionId: 's',
      questionId: 'q',
      mode: 'interview',
      links: [],
      now: 1,
    })
    const mode = (path: string) => statSync(path).mode & 0o777
    expect(mode(dataDir)).toBe(0o700)
    for (const f of ['mockroom.sqlite', 'mockroom.sqlite-wal', 'mockroom.sqlite-shm'])
      expect(mode(join(dataDir, f)), f).toBe(0o600)
    await store.close()
    rmSync(parent, { recursive: true, force: true })
  })
})
