import { mkdtempSync, statSync } from 'node:fs'
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
    const stop = startSqliteCheckpointer(file, 20)
    cleanups.push(stop)
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(1_000_000), {
      timeout: 5000,
      interval: 20,
    })
  })
})
