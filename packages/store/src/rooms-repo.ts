import type { Kysely, Selectable } from 'kysely'
import type { Database, ParticipantTable } from './schema'

export type StoredRole = 'interviewer' | 'candidate' | 'observer'

export interface NewRoom {
  roomId: string
  sessionId: string
  questionId: string
  mode: 'interview' | 'practice'
  links: ReadonlyArray<{ capabilityHash: string; sealedCapability: string; role: StoredRole }>
  now: number
}

export interface LinkInfo {
  roomId: string
  /** the link's role in round 1; see roleInRound for later rounds */
  role: StoredRole
  questionId: string
  sessionId: string
  round: number
  swapped: boolean
  mode: 'interview' | 'practice'
}

export interface ParticipantRow {
  id: string
  roomId: string
  name: string
  role: StoredRole
  /** first join (ms) */
  firstSeenAt: number
  lastSeenAt: number
  removedAt: number | null
}

function toParticipant(r: Selectable<ParticipantTable>): ParticipantRow {
  return {
    id: r.id,
    roomId: r.room_id,
    name: r.name,
    role: r.role as StoredRole,
    firstSeenAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    removedAt: r.removed_at,
  }
}

export function roomsRepo(db: Kysely<Database>) {
  return {
    async createRoom(room: NewRoom): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('rooms')
          .values({
            id: room.roomId,
            question_id: room.questionId,
            mode: room.mode,
            created_at: room.now,
          })
          .execute()
        if (room.links.length > 0)
          await trx
            .insertInto('room_links')
            .values(
              room.links.map((l) => ({
                capability_hash: l.capabilityHash,
                sealed_capability: l.sealedCapability,
                room_id: room.roomId,
                role: l.role,
                created_at: room.now,
              })),
            )
            .execute()
        await trx
          .insertInto('sessions')
          .values({
            id: room.sessionId,
            room_id: room.roomId,
            round: 1,
            question_id: room.questionId,
            status: 'lobby',
            created_at: room.now,
            ended_at: null,
            mode: room.mode,
            swapped: 0,
            revealed_at: null,
          })
          .execute()
      })
    },

    // The link's role in the room's current (latest) session.
    async findLink(capabilityHash: string): Promise<LinkInfo | null> {
      const row = await db
        .selectFrom('room_links as l')
        .innerJoin('sessions as s', 's.room_id', 'l.room_id')
        .select([
          'l.room_id',
          'l.role',
          's.id as session_id',
          's.question_id',
          's.round',
          's.swapped',
          's.mode',
        ])
        .where('l.capability_hash', '=', capabilityHash)
        .orderBy('s.round', 'desc')
        .limit(1)
        .executeTakeFirst()
      if (!row) return null
      return {
        roomId: row.room_id,
        role: row.role as StoredRole,
        questionId: row.question_id,
        sessionId: row.session_id,
        round: row.round,
        swapped: row.swapped === 1,
        mode: row.mode === 'practice' ? 'practice' : 'interview',
      }
    },

    async upsertParticipant(
      p: Omit<ParticipantRow, 'firstSeenAt' | 'lastSeenAt' | 'removedAt'>,
      now: number,
    ): Promise<void> {
      await db
        .insertInto('participants')
        .values({
          id: p.id,
          room_id: p.roomId,
          name: p.name,
          role: p.role,
          created_at: now,
          last_seen_at: now,
        })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({ name: p.name, role: p.role, last_seen_at: now }),
        )
        .execute()
    },

    async findParticipant(id: string): Promise<ParticipantRow | null> {
      const r = await db
        .selectFrom('participants')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      return r ? toParticipant(r) : null
    },

    /** A removed participant's tokens stop working and the link will not take them back. */
    async markParticipantRemoved(id: string, now: number): Promise<void> {
      await db.updateTable('participants').set({ removed_at: now }).where('id', '=', id).execute()
    },

    async listParticipants(roomId: string): Promise<ParticipantRow[]> {
      const rows = await db
        .selectFrom('participants')
        .selectAll()
        .where('room_id', '=', roomId)
        .orderBy('created_at')
        .execute()
      return rows.map(toParticipant)
    },

    async sealedLinks(
      roomId: string,
    ): Promise<Array<{ role: StoredRole; sealedCapability: string }>> {
      const rows = await db
        .selectFrom('room_links')
        .select(['role', 'sealed_capability'])
        .where('room_id', '=', roomId)
        .execute()
      return rows.map((r) => ({
        role: r.role as StoredRole,
        sealedCapability: r.sealed_capability,
      }))
    },

    /** The room's latest session (the round in progress). */
    async currentSession(roomId: string): Promise<{ id: string; round: number } | null> {
      const r = await db
        .selectFrom('sessions')
        .select(['id', 'round'])
        .where('room_id', '=', roomId)
        .orderBy('round', 'desc')
        .limit(1)
        .executeTakeFirst()
      return r ?? null
    },

    async sessionExists(sessionId: string): Promise<boolean> {
      const r = await db
        .selectFrom('sessions')
        .select('id')
        .where('id', '=', sessionId)
        .executeTakeFirst()
      return r !== undefined
    },
  }
}

export type RoomsRepo = ReturnType<typeof roomsRepo>
