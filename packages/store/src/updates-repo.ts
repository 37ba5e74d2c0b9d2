import { sql, type Kysely } from 'kysely'
import type { Database } from './database-schema'
import type { Dialect } from './migrations'
import type { SqliteUpdateWriter } from './sqlite-update-writer'
import type { LoadedDoc, StoredUpdate, UpdateRow } from './update-rows'

export function updatesRepo(
  db: Kysely<Database>,
  dialect: Dialect,
  fastAppend?: SqliteUpdateWriter,
  /** a wait before a commit (SQLite's checkpoint thread rewinding the WAL), when there is one */
  beforeAppend?: () => Promise<void> | undefined,
) {
  const latestSnapshot = (doc: string) =>
    db
      .selectFrom('doc_snapshots')
      .select(['upto_id', 'data', 'created_at'])
      .where('doc', '=', doc)
      .orderBy('upto_id', 'desc')
      .limit(1)
      .executeTakeFirst()
  // PostgreSQL marks the rows a snapshot holds (ids commit out of order across instances); on
  // SQLite one writer commits ids in order, so "after the snapshot's id" is exact, and its inserts
  // keep one index (another would cost each commit a page write: docs/performance.md)
  const marks = dialect === 'postgres'
  const uncompacted = (doc: string, snapshotUpto: number | undefined) => {
    const rows = db.selectFrom('doc_updates').select(['id', 'data']).where('doc', '=', doc)
    return (marks ? rows.where('compacted', 'is', null) : rows.where('id', '>', snapshotUpto ?? 0))
      .orderBy('id')
      .execute()
  }

  return {
    // One transaction per batch: the sync server's group commit (rows of many documents).
    // Returns the new ids in the order of `rows`.
    async appendUpdates(rows: ReadonlyArray<UpdateRow>): Promise<number[]> {
      if (rows.length === 0) return []
      const wait = beforeAppend?.()
      if (wait) await wait
      const ids = fastAppend?.(rows)
      if (ids) return ids
      const inserted = await db
        .insertInto('doc_updates')
        .values(
          rows.map((r) => ({
            doc: r.doc,
            data: r.data,
            author: r.author,
            created_at: r.createdAt,
          })),
        )
        .returning('id')
        .execute()
      return inserted.map((r) => r.id).sort((a, b) => a - b)
    },

    // The latest snapshot plus every row no snapshot holds yet.
    async loadDoc(doc: string): Promise<LoadedDoc> {
      const snap = await latestSnapshot(doc)
      const rows = await uncompacted(doc, snap?.upto_id)
      const lastId = Math.max(snap?.upto_id ?? 0, rows.at(-1)?.id ?? 0)
      return {
        snapshot: snap ? new Uint8Array(snap.data) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastId,
      }
    },

    /**
     * Folds the rows no snapshot holds into a new snapshot. On PostgreSQL it marks exactly those
     * rows, so a row another instance commits later with a lower id stays unmarked and every load
     * reads it (ids are handed out before commit: "every id up to N" is a set no instance knows).
     * `merge` gets the latest snapshot, if any, then the rows in id order. Rows are read and
     * merged outside a transaction (a long one would hold SQLite's appends back); the write
     * checks that no other compaction came in between, and otherwise stores nothing (false).
     */
    async compact(
      doc: string,
      merge: (parts: Uint8Array[]) => Uint8Array,
      now: number,
    ): Promise<{ compacted: number } | false> {
      const before = await latestSnapshot(doc)
      const rows = await uncompacted(doc, before?.upto_id)
      if (rows.length === 0) return { compacted: 0 }
      const parts = rows.map((r) => new Uint8Array(r.data))
      const data = merge(before ? [new Uint8Array(before.data), ...parts] : parts)
      const ids = rows.map((r) => r.id)
      const uptoId = Math.max(before?.upto_id ?? 0, ids.at(-1)!)
      return db.transaction().execute(async (tx) => {
        // PostgreSQL: one compaction of a document at a time across instances
        if (dialect === 'postgres')
          await sql`select pg_advisory_xact_lock(hashtext(${doc}))`.execute(tx)
        const latest = await tx
          .selectFrom('doc_snapshots')
          .select(['upto_id', 'created_at'])
          .where('doc', '=', doc)
          .orderBy('upto_id', 'desc')
          .limit(1)
          .executeTakeFirst()
        if (latest?.upto_id !== before?.upto_id || latest?.created_at !== before?.created_at)
          return false
        await tx
          .insertInto('doc_snapshots')
          .values({ doc, upto_id: uptoId, data, created_at: now })
          // only late rows came (ids below the last snapshot's): the new one, a superset, replaces it
          .onConflict((oc) => oc.columns(['doc', 'upto_id']).doUpdateSet({ data, created_at: now }))
          .execute()
        for (let i = 0; marks && i < ids.length; i += 5000) {
          await tx
            .updateTable('doc_updates')
            .set({ compacted: 1 })
            .where('id', 'in', ids.slice(i, i + 5000))
            .execute()
        }
        return { compacted: ids.length }
      })
    },

    // Bytes of every stored update per document (quotas count history, not the live state).
    async storedBytes(docs: ReadonlyArray<string>): Promise<Map<string, number>> {
      if (docs.length === 0) return new Map()
      const rows = await db
        .selectFrom('doc_updates')
        .select(['doc', sql<number | string>`coalesce(sum(octet_length(data)), 0)`.as('bytes')])
        .where('doc', 'in', docs)
        .groupBy('doc')
        .execute()
      return new Map(rows.map((r) => [r.doc, Number(r.bytes)]))
    },

    async listUpdates(doc: string): Promise<StoredUpdate[]> {
      const rows = await db
        .selectFrom('doc_updates')
        .selectAll()
        .where('doc', '=', doc)
        .orderBy('id')
        .execute()
      return rows.map((r) => ({
        id: r.id,
        doc: r.doc,
        data: new Uint8Array(r.data),
        author: r.author,
        createdAt: r.created_at,
      }))
    },
  }
}

export type UpdatesRepo = ReturnType<typeof updatesRepo>
