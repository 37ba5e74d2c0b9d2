import type { Kysely, Selectable } from 'kysely'
import type { Database, SessionTable } from './schema'

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

    async reveal(sessionId: string, questionId: string, now: number): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ question_id: questionId, revealed_at: now })
        .where('id', '=', sessionId)
        .execute()
    },

    async markLive(sessionId: string): Promise<void> {
      await db.updateTable('sessions').set({ status: 'live' }).where('id', '=', sessionId).execute()
    },

    async end(sessionId: string, now: number): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ status: 'ended', ended_at: now })
        .where('id', '=', sessionId)
        .where('status', '!=', 'ended')
        .execute()
    },

    /** Ends `from` and opens the next round in the same room with roles swapped. */
    async createNext(
      from: SessionRow,
      next: { sessionId: string; questionId: string; now: number },
    ): Promise<SessionRow> {
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
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('sessions')
          .set({ status: 'ended', ended_at: next.now })
          .where('id', '=', from.id)
          .where('status', '!=', 'ended')
          .execute()
        await trx.insertInto('sessions').values(row).execute()
      })
      return toSession(row)
    },
  }
}
