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
    // a commit every event-loop turn for 1.5 s, each at least one 4 KB page in the WAL: no pause
    // in which a PASSIVE checkpoint could catch up
    let largest = 0
    const end = Date.now() + 1500
    for (let i = 0; Date.now() < end; i++) {
      // as the store does: a commit waits while the thread rewinds the WAL
      await checkpointer.beforeCommit()
      commit(i)
      largest = Math.max(largest, statSync(`${file}-wal`).size)
      await new Promise((r) => setImmediate(r))
    }
    const commits = (db.prepare('select count(*) as n from t').get() as { n: number }).n
    expect(commits).toBeGreaterThan(2000)
    // 64 frames before a rewind, plus what commits add during a round; never rewound, the WAL
    // would hold every commit's page
    expect(largest).toBeLessThan((commits * 4096) / 4)
  })
})
