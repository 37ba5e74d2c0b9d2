import type { Kysely, Transaction } from 'kysely'
import type { Database } from './database-schema'

export interface NewQuestionSet {
  id: string
  title: string
  /** SHA-256 of the owner's edit capability and of the students' share capability */
  editHash: string
  shareHash: string
  /** the share capability sealed under the server secret: the edit page shows it again */
  sealedShare: string
  now: number
}

export interface QuestionSetRow {
  id: string
  title: string
  sealedShare: string
  createdAt: number
  updatedAt: number
}

/** A question of a set as it is now: its current version's data (JSON of a question draft). */
export interface SetQuestionRow {
  id: string
  slug: string
  position: number
  versionId: string
  version: number
  data: string
  updatedAt: number
}

export interface QuestionVersionRow {
  id: string
  questionId: string
  setId: string
  version: number
  data: string
  createdAt: number
}

/** What an import writes: new questions and new versions of existing ones. */
export interface SetImport {
  adds: ReadonlyArray<{ questionId: string; versionId: string; slug: string; data: string }>
  changes: ReadonlyArray<{ questionId: string; versionId: string; data: string }>
  now: number
  /** the set's largest size; the import is refused as a whole (false) beyond it */
  maxQuestions: number
}

type Db = Kysely<Database> | Transaction<Database>

const toSet = (r: {
  id: string
  title: string
  sealed_share: string
  created_at: number
  updated_at: number
}): QuestionSetRow => ({
  id: r.id,
  title: r.title,
  sealedShare: r.sealed_share,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

function liveQuestions(db: Db, setId: string) {
  return db
    .selectFrom('set_questions as q')
    .innerJoin('question_versions as v', 'v.id', 'q.current_version_id')
    .select([
      'q.id',
      'q.slug',
      'q.position',
      'q.updated_at',
      'v.id as version_id',
      'v.version',
      'v.data',
    ])
    .where('q.set_id', '=', setId)
    .where('q.deleted_at', 'is', null)
}

async function countLive(db: Db, setId: string): Promise<number> {
  const r = await db
    .selectFrom('set_questions')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('set_id', '=', setId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return Number(r?.n ?? 0)
}

async function insertQuestion(
  db: Db,
  setId: string,
  q: { questionId: string; versionId: string; slug: string; data: string },
  now: number,
): Promise<void> {
  const last = await db
    .selectFrom('set_questions')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('set_id', '=', setId)
    .executeTakeFirst()
  await db
    .insertInto('set_questions')
    .values({
      id: q.questionId,
      set_id: setId,
      slug: q.slug,
      position: Number(last?.p ?? 0) + 1,
      current_version_id: q.versionId,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .execute()
  await db
    .insertInto('question_versions')
    .values({
      id: q.versionId,
      question_id: q.questionId,
      set_id: setId,
      version: 1,
      data: q.data,
      created_at: now,
    })
    .execute()
}

// a new immutable version, unless the data is what the current version holds already
async function insertVersion(
  db: Db,
  setId: string,
  c: { questionId: string; versionId: string; data: string },
  now: number,
): Promise<string | null> {
  const current = await db
    .selectFrom('set_questions as q')
    .innerJoin('question_versions as v', 'v.id', 'q.current_version_id')
    .select(['v.id', 'v.data'])
    .where('q.id', '=', c.questionId)
    .where('q.set_id', '=', setId)
    .where('q.deleted_at', 'is', null)
    .executeTakeFirst()
  if (!current) return null
  if (current.data === c.data) return current.id
  const last = await db
    .selectFrom('question_versions')
    .select((eb) => eb.fn.max('version').as('n'))
    .where('question_id', '=', c.questionId)
    .executeTakeFirst()
  await db
    .insertInto('question_versions')
    .values({
      id: c.versionId,
      question_id: c.questionId,
      set_id: setId,
      version: Number(last?.n ?? 0) + 1,
      data: c.data,
      created_at: now,
    })
    .execute()
  await db
    .updateTable('set_questions')
    .set({ current_version_id: c.versionId, updated_at: now })
    .where('id', '=', c.questionId)
    .execute()
  return c.versionId
}

const touch = (db: Db, setId: string, now: number) =>
  db.updateTable('question_sets').set({ updated_at: now }).where('id', '=', setId).execute()

/**
 * Coaches' question sets: a set is reached by its edit or its share capability (stored hashed),
 * each question keeps every version immutable, and sessions name the version they used, so a
 * deleted question is only hidden from its set.
 */
export function questionSetsRepo(db: Kysely<Database>) {
  return {
    async createSet(set: NewQuestionSet): Promise<void> {
      await db
        .insertInto('question_sets')
        .values({
          id: set.id,
          title: set.title,
          edit_hash: set.editHash,
          share_hash: set.shareHash,
          sealed_share: set.sealedShare,
          created_at: set.now,
          updated_at: set.now,
        })
        .execute()
    },

    async findByEditHash(hash: string): Promise<QuestionSetRow | null> {
      const r = await db
        .selectFrom('question_sets')
        .selectAll()
        .where('edit_hash', '=', hash)
        .executeTakeFirst()
      return r ? toSet(r) : null
    },

    async findByShareHash(hash: string): Promise<QuestionSetRow | null> {
      const r = await db
        .selectFrom('question_sets')
        .selectAll()
        .where('share_hash', '=', hash)
        .executeTakeFirst()
      return r ? toSet(r) : null
    },

    async renameSet(setId: string, title: string, now: number): Promise<void> {
      await db
        .updateTable('question_sets')
        .set({ title, updated_at: now })
        .where('id', '=', setId)
        .execute()
    },

    /** The set's questions (deleted ones left out), in order, each at its current version. */
    async listQuestions(setId: string): Promise<SetQuestionRow[]> {
      const rows = await liveQuestions(db, setId).orderBy('q.position').execute()
      return rows.map((r) => ({
        id: r.id,
        slug: r.slug,
        position: r.position,
        versionId: r.version_id,
        version: r.version,
        data: r.data,
        updatedAt: r.updated_at,
      }))
    },

    /** Adds a question at the end; false when the set already holds `maxQuestions`. */
    async addQuestion(
      setId: string,
      q: { questionId: string; versionId: string; slug: string; data: string },
      now: number,
      maxQuestions: number,
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        if ((await countLive(trx, setId)) >= maxQuestions) return false
        await insertQuestion(trx, setId, q, now)
        await touch(trx, setId, now)
        return true
      })
    },

    /**
     * Saves an edit as a new version and makes it current; the id of the current version after
     * (the old one when nothing changed), or null for a deleted or unknown question.
     */
    async saveVersion(
      setId: string,
      c: { questionId: string; versionId: string; data: string },
      now: number,
    ): Promise<string | null> {
      return db.transaction().execute(async (trx) => {
        const id = await insertVersion(trx, setId, c, now)
        if (id === c.versionId) await touch(trx, setId, now)
        return id
      })
    },

    /** Hides a question from its set; its versions stay for the sessions that used them. */
    async deleteQuestion(setId: string, questionId: string, now: number): Promise<boolean> {
      const r = await db
        .updateTable('set_questions')
        .set({ deleted_at: now, updated_at: now })
        .where('id', '=', questionId)
        .where('set_id', '=', setId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      if (Number(r.numUpdatedRows) === 0) return false
      await touch(db, setId, now)
      return true
    },

    /** Every version of one question, oldest first. */
    async listVersions(
      questionId: string,
    ): Promise<Array<{ id: string; version: number; data: string; createdAt: number }>> {
      const rows = await db
        .selectFrom('question_versions')
        .select(['id', 'version', 'data', 'created_at'])
        .where('question_id', '=', questionId)
        .orderBy('version')
        .execute()
      return rows.map((r) => ({
        id: r.id,
        version: r.version,
        data: r.data,
        createdAt: r.created_at,
      }))
    },

    /** One version by id, whether or not its question was since edited or deleted. */
    async getVersion(versionId: string): Promise<QuestionVersionRow | null> {
      const r = await db
        .selectFrom('question_versions')
        .selectAll()
        .where('id', '=', versionId)
        .executeTakeFirst()
      return r
        ? {
            id: r.id,
            questionId: r.question_id,
            setId: r.set_id,
            version: r.version,
            data: r.data,
            createdAt: r.created_at,
          }
        : null
    },

    /**
     * An import, all or nothing in one transaction: false (nothing written) when it would take
     * the set past `maxQuestions`; a write that fails rolls every other back.
     */
    async applyImport(setId: string, batch: SetImport): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        if ((await countLive(trx, setId)) + batch.adds.length > batch.maxQuestions) return false
        for (const c of batch.changes) {
          const id = await insertVersion(trx, setId, c, batch.now)
          if (id === null) throw new Error(`question ${c.questionId} is not in set ${setId}`)
        }
        for (const a of batch.adds) await insertQuestion(trx, setId, a, batch.now)
        await touch(trx, setId, batch.now)
        return true
      })
    },
  }
}
