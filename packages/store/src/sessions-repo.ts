import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database, SessionTable } from './database-schema'

export type SessionStatusRow = 'lobby' | 'live' | 'ended'

export interface SessionRow {
  id: string
  roomId: string
  round: number
  questionId: string
  status: SessionStatusRow
  mode: 'interview' | 'practice'
  /** interviewer and candidate links have swapped roles in this round */
  swapped: boolean
  createdAt: number
  endedAt: number | null
  revealedAt: number | null
}

function toSession(r: Selectable<SessionTable>): SessionRow {
  return {
    id: r.id,
    roomId: r.room_id,
    round: r.round,
    questionId: r.question_id,
    status: r.status as SessionStatusRow,
    mode: r.mode === 'practice' ? 'practice' : 'interview',
    swapped: r.swapped === 1,
    createdAt: r.created_at,
    endedAt: r.ended_at,
    revealedAt: r.revealed_at,
  }
}

export function sessionsRepo(db: Kysely<Database>) {
  return {
    async get(sessionId: string): Promise<SessionRow | null> {
      const r = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', sessionId)
        .executeTakeFirst()
      return r ? toSession(r) : null
    },

    /** Every round of a room, newest first. */
    async listForRoom(roomId: string): Promise<SessionRow[]> {
      const rows = await db
        .selectFrom('sessions')
        .selectAll()
        .where('room_id', '=', roomId)
        .orderBy('round', 'desc')
        .execute()
      return rows.map(toSession)
    },

    // Each transition is conditional on the state it starts from and says whether it happened:
    // several sync instances may run the same request at once, and only one of them may win.
    async reveal(sessionId: string, questionId: string, now: number): Promise<boolean> {
      const r = await db
        .updateTable('sessions')
        .set({ question_id: questionId, revealed_at: now })
        .where('id', '=', sessionId)
        .where('status', '=', 'lobby')
        .executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },

    async markLive(sessionId: string): Promise<boolean> {
      const r = await db
        .updateTable('sessions')
        .set({ status: 'live' })
        .where('id', '=', sessionId)
        .where('status', '=', 'lobby')
        .executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },

    async end(sessionId: string, now: number): Promise<boolean> {
      const r = await db
        .updateTable('sessions')
        .set({ status: 'ended', ended_at: now })
        .where('id', '=', sessionId)
        .where('status', '!=', 'ended')
        .executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },

    /**
     * Ends `from` and opens the next round in the same room with roles swapped; null when that
     * round already exists (another request, perhaps on another instance, opened it first).
     */
    async createNext(
      from: SessionRow,
      next: { sessionId: string; questionId: string; now: number },
    ): Promise<SessionRow | null> {
      const row = {
        id: next.sessionId,
        room_id: from.roomId,
        round: from.round + 1,
        question_id: next.questionId,
        status: 'lobby',
        created_at: next.now,
        ended_at: null,
        mode: from.mode,
        swapped: from.swapped ? 0 : 1,
        revealed_at: null,
      }
      const created = await db.transaction().execute(async (trx) => {
        // the row lock (PostgreSQL; SQLite's writer is alone anyway) orders concurrent requests
        // of one room: the second sees the first's round and inserts nothing
        await trx
          .updateTable('sessions')
          .set({ status: 'ended', ended_at: next.now })
          .where('id', '=', from.id)
          .where('status', '!=', 'ended')
          .execute()
        await trx
          .updateTable('sessions')
          .set({ round: sql`round` })
          .where('id', '=', from.id)
          .execute()
        const taken = await trx
          .selectFrom('sessions')
          .select('id')
          .where('room_id', '=', from.roomId)
          .where('round', '=', row.round)
          .executeTakeFirst()
        if (taken) return false
        await trx.insertInto('sessions').values(row).execute()
        return true
      })
      return created ? toSession(row) : null
    },
  }
}
