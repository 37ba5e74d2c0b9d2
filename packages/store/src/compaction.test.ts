import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { backends, storePerTest } from '../test/store-backends'
import type { Store } from './open-store'

// a stand-in for Yjs' merge: the set of bytes of every part
const union = (parts: Uint8Array[]) => Uint8Array.from(new Set(parts.flatMap((p) => [...p]))).sort()
const row = (n: number, createdAt = n) => ({
  doc: 'd/answer',
  data: Uint8Array.of(n),
  author: 'p',
  createdAt,
})
const state = async (store: Store) => {
  const { snapshot, updates } = await store.updates.loadDoc('d/answer')
  return [...union([snapshot ?? new Uint8Array(), ...updates])]
}

describe.each(backends)('compaction on $name', (backend) => {
  const t = storePerTest(backend)

  it('folds only new rows, and with none stores nothing', async () => {
    await t.store.updates.appendUpdates([row(1), row(2)])
    expect(await t.store.updates.compact('d/answer', union, 10)).toEqual({ compacted: 2 })
    expect(await t.store.updates.compact('d/answer', union, 11)).toEqual({ compacted: 0 })
    await t.store.updates.appendUpdates([row(3)])
    expect(await t.store.updates.compact('d/answer', union, 12)).toEqual({ compacted: 1 })
    expect(await state(t.store)).toEqual([1, 2, 3])
  })
})

// only PostgreSQL hands out ids that commit out of order (SQLite has one writer)
describe.each(backends.filter((b) => b.name === 'postgres'))('compaction on $name', (backend) => {
  const t = storePerTest(backend)

  it('keeps a row that another instance commits late with a lower id', async () => {
    if (!('databaseUrl' in t.config) || !t.config.databaseUrl) throw new Error('no database URL')
    // another instance: its insert takes an id now and commits after ours
    const other = new pg.Client({ connectionString: t.config.databaseUrl })
    await other.connect()
    await other.query('begin')
    const late = await other.query<{ id: string }>(
      "insert into doc_updates (doc, data, author, created_at) values ('d/answer', $1, 'q', 1) returning id",
      [Buffer.from([1])],
    )
    const [early] = await t.store.updates.appendUpdates([row(2)])
    expect(Number(late.rows[0]!.id)).toBeLessThan(early!)
    // the snapshot holds row 2 only: with "every id up to 2" row 1 would be hidden for good
    expect(await t.store.updates.compact('d/answer', union, 10)).toEqual({ compacted: 1 })
    await other.query('commit')
    await other.end()
    expect(await state(t.store)).toEqual([1, 2])
    // the next compaction folds it in, replacing the snapshot of the same id
    expect(await t.store.updates.compact('d/answer', union, 11)).toEqual({ compacted: 1 })
    const loaded = await t.store.updates.loadDoc('d/answer')
    expect([[...(loaded.snapshot ?? [])], loaded.updates]).toEqual([[1, 2], []])
  })
})
