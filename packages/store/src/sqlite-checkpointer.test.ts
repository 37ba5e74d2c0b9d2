import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startSqliteCheckpointer } from './sqlite-checkpointer'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('the background checkpointer', () => {
  it('moves what the committing connection wrote from the WAL into the database file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mockroom-ckpt-')), 'x.sqlite')
    const db = new BetterSqlite3(file)
    cleanups.push(() => db.close())
    db.pragma('journal_mode = WAL')
    // the committing connection never checkpoints: only the thread can grow the file
    db.pragma('wal_autocheckpoint = 0')
    db.exec('create table t (data blob)')
    const insert = db.prepare<[Buffer]>('insert into t (data) values (?)')
    db.transaction(() => {
      for (let i = 0; i < 256; i++) insert.run(Buffer.alloc(4096, i))
    })()
    expect(statSync(file).size).toBeLessThan(100_000)
    const checkpointer = startSqliteCheckpointer(file, 20)
    cleanups.push(() => checkpointer.stop())
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(1_000_000), {
      timeout: 5000,
      interval: 20,
    })
  })

  it('keeps the WAL bounded while commits never stop (a PASSIVE checkpoint alone never ends it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mockroom-ckpt-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const file = join(dir, 'x.sqlite')
    const db = new BetterSqlite3(file)
    cleanups.push(() => db.close())
    db.pragma('journal_mode = WAL')
    db.pragma('wal_autocheckpoint = 0')
    db.pragma(`journal_size_limit = ${64 * 4096}`)
    db.exec('create table t (data blob)')
    const insert = db.prepare<[Buffer]>('insert into t (data) values (?)')
    const commit = db.transaction((i: number) => insert.run(Buffer.alloc(512, i)))
    const checkpointer = startSqliteCheckpointer(file, 10, 64)
    cleanups.push(() => checkpointer.stop())
    // a commit every event-loop turn, each at least one 4 KB page in the WAL: no pause in which a
    // PASSIVE checkpoint could catch up. Never rewound, the WAL only grows; rewound, its file is cut
    // back (journal_size_limit). Counted in rewinds, not in time: on a busy machine the threads
    // may get the CPU late, and the property is that it rewinds at all.
    let rewinds = 0
    let size = 0
    const giveUp = Date.now() + 15_000
    for (let i = 0; rewinds < 3 && Date.now() < giveUp; i++) {
      // as the store does: a commit waits while the thread rewinds the WAL
      await checkpointer.beforeCommit()
      commit(i)
      const now = statSync(`${file}-wal`).size
      if (now < size) rewinds++
      size = now
      await new Promise((r) => setImmediate(r))
    }
    expect(rewinds).toBe(3)
  })
})
