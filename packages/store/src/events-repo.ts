import type { Kysely } from 'kysely'
import type { Database } from './database-schema'

export interface SessionEvent {
  sessionId: string
  type: string
  participantId: string | null
  data: Record<string, unknown>
  createdAt: number
}

export function eventsRepo(db: Kysely<Database>) {
  return {
    async record(e: SessionEvent): Promise<void> {
      await db
        .insertInto('session_events')
        .values({
          session_id: e.sessionId,
          type: e.type,
          participant_id: e.participantId,
          data: JSON.stringify(e.data),
          created_at: e.createdAt,
        })
        .execute()
    },

    async list(sessionId: string): Promise<SessionEvent[]> {
      const rows = await db
        .selectFrom('session_events')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('id')
        .execute()
      return rows.map((r) => ({
        sessionId: r.session_id,
        type: r.type,
        participantId: r.participant_id,
        data: JSON.parse(r.data) as Record<string, unknown>,
        createdAt: r.created_at,
      }))
    },
  }
}
