import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import {
  SqliteAdapter,
  SqliteDialect,
  type DialectAdapter,
  type Kysely,
  type MigrationLockOptions,
  sql,
} from 'kysely'

// Kysely's SQLite adapter takes no migration lock (it assumes one process). Web and sync both
// migrate the same file at start-up, so the first statement of the migration transaction is a
// write: SQLite then holds the write lock before anything is read, and the other process waits
// on busy_timeout instead of failing with SQLITE_BUSY on a lock upgrade.
class LockingSqliteAdapter extends SqliteAdapter {
  override async acquireMigrationLock(db: Kysely<unknown>, opt: MigrationLockOptions) {
    await sql`update ${sql.table(opt.lockTable)} set is_locked = 1 where id = ${opt.lockRowId}`.execute(
      db,
    )
  }
}

class LockingSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new LockingSqliteAdapter()
  }
}

export function createSqliteDialect(file: string): {
  dialect: SqliteDialect
  database: BetterSqlite3.Database
} {
  if (file !== ':memory:') {
    // private to this user: the directory 0700 when we create it, the file 0600 (SQLite gives its
    // -wal and -shm files the database file's permissions)
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
    closeSync(openSync(file, 'a', 0o600))
    chmodSync(file, 0o600)
  }
  const database = new BetterSqlite3(file)
  // first: switching a fresh file to WAL takes a lock, and web and sync open it at the same moment
  database.pragma('busy_timeout = 5000')
  // WAL lets the web and sync processes read while the other writes; synchronous=NORMAL in WAL
  // keeps every committed transaction across a process crash (SQLite docs, "WAL mode").
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = NORMAL')
  database.pragma('foreign_keys = ON')
  return { dialect: new LockingSqliteDialect({ database }), database }
}
