import type { Kysely } from 'kysely'
import type { StoredRole } from './rooms-repo'
import type { Database } from './database-schema'

/**
 * Who held which role in each round, and the hashed key that proves a participant id. A link is
 * shared and changes role between rounds; these rows are what a round's private data is decided by.
 */
export function membersRepo(db: Kysely<Database>) {
  return {
    /** Keeps the first role a participant held in a session; later joins do not change it. */
    async recordMember(
      m: { sessionId: string; participantId: string; role: StoredRole },
      now: number,
    ): Promise<void> {
      await db
        .insertInto('session_members')
        .values({
          session_id: m.sessionId,
          participant_id: m.participantId,
          role: m.role,
          joined_at: now,
        })
        .onConflict((oc) => oc.columns(['session_id', 'participant_id']).doNothing())
        .execute()
    },

    /** The role the participant held in that session, or null if they never joined it. */
    async memberRole(sessionId: string, participantId: string): Promise<StoredRole | null> {
      const r = await db
        .selectFrom('session_members')
        .select('role')
        .where('session_id', '=', sessionId)
        .where('participant_id', '=', participantId)
        .executeTakeFirst()
      return r ? (r.role as StoredRole) : null
    },

    /** Every session the participant joined, with the role they held in it. */
    async rolesOf(participantId: string): Promise<Map<string, StoredRole>> {
      const rows = await db
        .selectFrom('session_members')
        .select(['session_id', 'role'])
        .where('participant_id', '=', participantId)
        .execute()
      return new Map(rows.map((r) => [r.session_id, r.role as StoredRole]))
    },

    async setKeyHash(participantId: string, keyHash: string): Promise<void> {
      await db
        .insertInto('participant_keys')
        .values({ participant_id: participantId, key_hash: keyHash })
        .onConflict((oc) => oc.column('participant_id').doNothing())
        .execute()
    },

    async keyHash(participantId: string): Promise<string | null> {
      const r = await db
        .selectFrom('participant_keys')
        .select('key_hash')
        .where('participant_id', '=', participantId)
        .executeTakeFirst()
      return r?.key_hash ?? null
    },
  }
}

export type MembersRepo = ReturnType<typeof membersRepo>
