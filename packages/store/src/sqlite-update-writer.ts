import type BetterSqlite3 from 'better-sqlite3'
import type { UpdateRow } from './update-rows'

/**
 * The sync server's group commit on SQLite without the query builder: one prepared insert, run
 * for every row inside one transaction. `null` while another transaction of this connection is
 * open (Kysely's, between its awaits): rows must not join a transaction that may roll back.
 */
export function sqliteUpdateWriter(database: BetterSqlite3.Database) {
  let appendAll: ((rows: ReadonlyArray<UpdateRow>) => number[]) | null = null
  return (rows: ReadonlyArray<UpdateRow>): number[] | null => {
    if (database.inTransaction) return null
    if (!appendAll) {
      // prepared on first use: the table exists once migrations ran
      const insert = database.prepare<[string, Uint8Array, string, number]>(
        'insert into doc_updates (doc, data, author, created_at) values (?, ?, ?, ?)',
      )
      appendAll = database.transaction((batch: ReadonlyArray<UpdateRow>) =>
        batch.map((r) => Number(insert.run(r.doc, r.data, r.author, r.createdAt).lastInsertRowid)),
      )
    }
    return appendAll(rows)
  }
}

export type SqliteUpdateWriter = ReturnType<typeof sqliteUpdateWriter>
