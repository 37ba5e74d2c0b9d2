import type { Kysely, Selectable } from 'kysely'
import type { Database, ParticipantTable } from './database-schema'
import type { SessionStatusRow } from './sessions-repo'

export type StoredRole = 'interviewer' | 'candidate' | 'observer'

export interface NewRoom {
  roomId: string
  sessionId: string
  questionId: string
  mode: 'interview' | 'practice'
  links: ReadonlyArray<{ capabilityHash: string; sealedCapability: string; role: StoredRole }>
  now: number
}

export type Admission = 'waiting' | 'admitted' | 'turned-away'

export interface LinkInfo {
  roomId: string
  /** the link's role in round 1; see roleInRound for later rounds */
  role: StoredRole
  questionId: string
  sessionId: string
  round: number
  swapped: boolean
  mode: 'interview' | 'practice'
  /** the current round's status: once it is live, newcomers wait to be admitted */
  status: SessionStatusRow
  /** set by "New links": only people already in the room may still use it */
  revokedAt: number | null
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
  admission: Admission
}

function toAdmission(value: string): Admission {
  return value === 'waiting' || value === 'turned-away' ? value : 'admitted'
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
    admission: toAdmission(r.admission),
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
          's.status',
          'l.revoked_at',
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
        status: row.status === 'live' || row.status === 'ended' ? row.status : 'lobby',
        revokedAt: row.revoked_at,
      }
    },

    /** `admission` applies to a new row only; a known person's admission changes by setAdmission */
    async upsertParticipant(
      p: Omit<ParticipantRow, 'firstSeenAt' | 'lastSeenAt' | 'removedAt' | 'admission'> & {
        admission?: Admission
      },
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
          admission: p.admission ?? 'admitted',
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

    async setAdmission(id: string, admission: Admission): Promise<void> {
      await db.updateTable('participants').set({ admission }).where('id', '=', id).execute()
    },

    /**
     * "New links": the room's live links are revoked and these take their place, in one
     * transaction so the room never has no link or two for a role.
     */
    async replaceLinks(roomId: string, links: NewRoom['links'], now: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('room_links')
          .set({ revoked_at: now })
          .where('room_id', '=', roomId)
          .where('revoked_at', 'is', null)
          .execute()
        await trx
          .insertInto('room_links')
          .values(
            links.map((l) => ({
              capability_hash: l.capabilityHash,
              sealed_capability: l.sealedCapability,
              room_id: roomId,
              role: l.role,
              created_at: now,
            })),
          )
          .execute()
      })
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
        .where('revoked_at', 'is', null)
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
