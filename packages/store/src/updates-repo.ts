import { sql, type Kysely } from 'kysely'
import type { Database } from './database-schema'
import type { SqliteUpdateWriter } from './sqlite-update-writer'
import type { LoadedDoc, StoredUpdate, UpdateRow } from './update-rows'

export function updatesRepo(
  db: Kysely<Database>,
  fastAppend?: SqliteUpdateWriter,
  /** a wait before a commit (SQLite's checkpoint thread rewinding the WAL), when there is one */
  beforeAppend?: () => Promise<void> | undefined,
) {
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

    // Latest snapshot plus every update stored after it.
    async loadDoc(doc: string): Promise<LoadedDoc> {
      const snap = await db
        .selectFrom('doc_snapshots')
        .select(['upto_id', 'data'])
        .where('doc', '=', doc)
        .orderBy('upto_id', 'desc')
        .limit(1)
        .executeTakeFirst()
      const after = snap?.upto_id ?? 0
      const rows = await db
        .selectFrom('doc_updates')
        .select(['id', 'data'])
        .where('doc', '=', doc)
        .where('id', '>', after)
        .orderBy('id')
        .execute()
      const last = rows.at(-1)
      return {
        snapshot: snap ? new Uint8Array(snap.data) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastId: last ? last.id : after,
      }
    },

    // Snapshots only speed up loading: every update row stays, so replay keeps its history.
    async saveSnapshot(doc: string, uptoId: number, data: Uint8Array, now: number): Promise<void> {
      await db
        .insertInto('doc_snapshots')
        .values({ doc, upto_id: uptoId, data, created_at: now })
        .onConflict((oc) => oc.columns(['doc', 'upto_id']).doNothing())
        .execute()
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
