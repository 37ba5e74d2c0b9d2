import { sql, type Kysely } from 'kysely'
import type { Database } from './database-schema'
import type { Dialect } from './migrations'

export type TranscriptionStatus = 'queued' | 'running' | 'done' | 'failed'

export interface TranscriptionJob {
  trackId: string
  sessionId: string
  participantId: string
  status: TranscriptionStatus
  /** 0..1 of the track's speech transcribed so far */
  progress: number
  attempts: number
  error: string | null
  createdAt: number
  updatedAt: number
}

/** One line the server's engine heard; times are server epoch ms. */
export interface TranscriptLine {
  sessionId: string
  trackId: string
  participantId: string
  name: string
  role: string
  startMs: number
  endMs: number
  text: string
}

export interface JobClaim {
  /** a running job whose lease ran out (its worker died) is taken again */
  leaseMs: number
  /** a job is given up (failed) after this many starts */
  maxAttempts: number
  now: number
}

type JobRow = Database['transcription_jobs']

const toJob = (r: JobRow): TranscriptionJob => ({
  trackId: r.track_id,
  sessionId: r.session_id,
  participantId: r.participant_id,
  status: r.status as TranscriptionStatus,
  progress: Number(r.progress),
  attempts: Number(r.attempts),
  error: r.error,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
})

/**
 * Transcription jobs are rows: a worker claims one under a lease, so a crashed worker's job is
 * taken again once the lease runs out, and several instances never take the same job.
 */
export function transcriptionRepo(db: Kysely<Database>, dialect: Dialect) {
  return {
    /** queues a track once; a track queued again (its audio replaced) starts over */
    async enqueue(
      job: { trackId: string; sessionId: string; participantId: string },
      now = Date.now(),
    ) {
      await db
        .insertInto('transcription_jobs')
        .values({
          track_id: job.trackId,
          session_id: job.sessionId,
          participant_id: job.participantId,
          status: 'queued',
          progress: 0,
          attempts: 0,
          lease_until: null,
          error: null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('track_id').doUpdateSet({
            status: 'queued',
            progress: 0,
            attempts: 0,
            lease_until: null,
            error: null,
            updated_at: now,
          }),
        )
        .execute()
    },

    /** takes the oldest waiting job (or one whose worker's lease ran out), or null */
    async claim({ leaseMs, maxAttempts, now }: JobClaim): Promise<TranscriptionJob | null> {
      const waiting = db
        .selectFrom('transcription_jobs')
        .select('track_id')
        .where((eb) =>
          eb.or([
            eb('status', '=', 'queued'),
            eb.and([eb('status', '=', 'running'), eb('lease_until', '<', now)]),
          ]),
        )
        .where('attempts', '<', maxAttempts)
        .orderBy('created_at')
        .limit(1)
      // SQLite has one writer, so the update is atomic; PostgreSQL skips rows another instance holds
      const next = dialect === 'postgres' ? waiting.forUpdate().skipLocked() : waiting
      const row = await db
        .updateTable('transcription_jobs')
        .set((eb) => ({
          status: 'running',
          lease_until: now + leaseMs,
          attempts: eb('attempts', '+', 1),
          updated_at: now,
        }))
        .where('track_id', 'in', next)
        .returningAll()
        .executeTakeFirst()
      return row ? toJob(row) : null
    },

    /** jobs that ran out of attempts while their lease lapsed are marked failed */
    async failAbandoned({ maxAttempts, now }: Omit<JobClaim, 'leaseMs'>): Promise<number> {
      const r = await db
        .updateTable('transcription_jobs')
        .set({ status: 'failed', error: 'the transcription worker stopped', updated_at: now })
        .where('status', '=', 'running')
        .where('lease_until', '<', now)
        .where('attempts', '>=', maxAttempts)
        .executeTakeFirst()
      return Number(r.numUpdatedRows)
    },

    /** progress of a running job, renewing its lease; false when the job is no longer ours */
    async progress(trackId: string, progress: number, leaseUntil: number, now = Date.now()) {
      const r = await db
        .updateTable('transcription_jobs')
        .set({ progress, lease_until: leaseUntil, updated_at: now })
        .where('track_id', '=', trackId)
        .where('status', '=', 'running')
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    /** the job's lines replace any earlier ones of that track, and the job is done, at once */
    async complete(trackId: string, lines: TranscriptLine[], now = Date.now()): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        const r = await tx
          .updateTable('transcription_jobs')
          .set({ status: 'done', progress: 1, lease_until: null, error: null, updated_at: now })
          .where('track_id', '=', trackId)
          .where('status', '=', 'running')
          .executeTakeFirst()
        // the track was deleted or queued again meanwhile: these lines are stale
        if (Number(r.numUpdatedRows) !== 1) return false
        await tx.deleteFrom('transcript_lines').where('track_id', '=', trackId).execute()
        for (let i = 0; i < lines.length; i += 200) {
          await tx
            .insertInto('transcript_lines')
            .values(
              lines.slice(i, i + 200).map((l) => ({
                session_id: l.sessionId,
                track_id: l.trackId,
                participant_id: l.participantId,
                name: l.name,
                role: l.role,
                start_ms: l.startMs,
                end_ms: l.endMs,
                text: l.text,
              })),
            )
            .execute()
        }
        return true
      })
    },

    /** a failed attempt: queued again while attempts remain, otherwise failed for good */
    async fail(trackId: string, error: string, maxAttempts: number, now = Date.now()) {
      await db
        .updateTable('transcription_jobs')
        .set((eb) => ({
          status: eb.case().when('attempts', '>=', maxAttempts).then('failed').else('queued').end(),
          lease_until: null,
          error: error.slice(0, 500),
          updated_at: now,
        }))
        .where('track_id', '=', trackId)
        .where('status', '=', 'running')
        .execute()
    },

    async jobsFor(sessionId: string): Promise<TranscriptionJob[]> {
      const rows = await db
        .selectFrom('transcription_jobs')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('created_at')
        .execute()
      return rows.map(toJob)
    },

    async linesFor(sessionId: string): Promise<TranscriptLine[]> {
      const rows = await db
        .selectFrom('transcript_lines')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('start_ms')
        .orderBy('id')
        .execute()
      return rows.map((r) => ({
        sessionId: r.session_id,
        trackId: r.track_id,
        participantId: r.participant_id,
        name: r.name,
        role: r.role,
        startMs: Number(r.start_ms),
        endMs: Number(r.end_ms),
        text: r.text,
      }))
    },

    /** a deleted track takes its job and its lines with it */
    async deleteForTrack(trackId: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('transcript_lines').where('track_id', '=', trackId).execute()
        await tx.deleteFrom('transcription_jobs').where('track_id', '=', trackId).execute()
      })
    },

    /** jobs waiting or running, across sessions (the worker's idle check and /healthz) */
    async pendingCount(): Promise<number> {
      const r = await db
        .selectFrom('transcription_jobs')
        .select(sql<number>`count(*)`.as('n'))
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },
  }
}
