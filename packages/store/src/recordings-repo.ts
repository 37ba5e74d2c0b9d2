import type { Kysely, Selectable } from 'kysely'
import type { Database, RecordingTrackTable } from './database-schema'

/** One person's answer to "Ask to record audio", kept as shown to them (the server's receipt). */
export interface ConsentReceipt {
  requestId: string
  sessionId: string
  participantId: string
  name: string
  role: string
  answer: 'allow' | 'refuse'
  /** the exact text the person was shown when they answered */
  shownText: string
  createdAt: number
}

/** A recording request of a session: asked by the interviewer, open until stopped. */
export interface RecordingRequest {
  id: string
  sessionId: string
  askedBy: string
  askedAt: number
  stoppedAt: number | null
  stoppedBy: string | null
}

/** Whose track it is and what it holds: shared by its row, its file and each chunk. */
interface TrackIdentity {
  trackId: string
  sessionId: string
  participantId: string
  name: string
  role: string
  mimeType: string
  /** server epoch ms of the track's first sample */
  startedAt: number
}

/** One speaker's continuous recording (one microphone track segment) of a session. */
export interface TrackRow extends TrackIdentity {
  requestId: string
  /** chunk bytes stored so far */
  bytes: number
  chunks: number
  /** the highest stored sequence number (-1 before the first chunk) */
  lastSeq: number
  endedAt: number | null
  /** when the repaired file was stored; null while chunks may still come */
  finalizedAt: number | null
  durationMs: number | null
}

/** The repaired file of a track, as the transcription worker and the review read it. */
export interface TrackAudio extends TrackIdentity {
  bytes: Uint8Array
}

export interface NewChunk extends TrackIdentity {
  requestId: string
  seq: number
  data: Uint8Array
  now: number
}

export type PutChunkResult =
  | { stored: true; track: TrackRow }
  /** a repeated sequence number: nothing written, the earlier chunk stays */
  | { stored: false; track: TrackRow }
  /** the track id belongs to someone else or another session */
  | { stored: false; conflict: 'owner' }
  /** the track is finalized: no more chunks */
  | { stored: false; conflict: 'ended' }

function toTrack(r: Selectable<RecordingTrackTable>): TrackRow {
  return {
    trackId: r.id,
    sessionId: r.session_id,
    requestId: r.request_id,
    participantId: r.participant_id,
    name: r.name,
    role: r.role,
    mimeType: r.mime_type,
    startedAt: Number(r.started_at),
    bytes: Number(r.bytes),
    chunks: Number(r.chunks),
    lastSeq: Number(r.last_seq),
    endedAt: r.ended_at === null ? null : Number(r.ended_at),
    finalizedAt: r.finalized_at === null ? null : Number(r.finalized_at),
    durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
  }
}

const bytesOf = (b: Uint8Array | Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

export function recordingsRepo(db: Kysely<Database>) {
  const track = async (trackId: string): Promise<TrackRow | null> => {
    const r = await db
      .selectFrom('recording_tracks')
      .selectAll()
      .where('id', '=', trackId)
      .executeTakeFirst()
    return r ? toTrack(r) : null
  }

  return {
    async openRequest(r: Omit<RecordingRequest, 'stoppedAt' | 'stoppedBy'>): Promise<void> {
      await db
        .insertInto('recording_requests')
        .values({
          id: r.id,
          session_id: r.sessionId,
          asked_by: r.askedBy,
          asked_at: r.askedAt,
          stopped_at: null,
          stopped_by: null,
        })
        .execute()
    },

    /** The newest request of a session, stopped or not. */
    async latestRequest(sessionId: string): Promise<RecordingRequest | null> {
      const r = await db
        .selectFrom('recording_requests')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('asked_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst()
      return r
        ? {
            id: r.id,
            sessionId: r.session_id,
            askedBy: r.asked_by,
            askedAt: Number(r.asked_at),
            stoppedAt: r.stopped_at === null ? null : Number(r.stopped_at),
            stoppedBy: r.stopped_by,
          }
        : null
    },

    /** Stops an open request; false when it was stopped already. */
    async stopRequest(requestId: string, by: string, now: number): Promise<boolean> {
      const r = await db
        .updateTable('recording_requests')
        .set({ stopped_at: now, stopped_by: by })
        .where('id', '=', requestId)
        .where('stopped_at', 'is', null)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },

    /** Appends a receipt; receipts are never changed, a later answer is a new receipt. */
    async saveConsent(c: ConsentReceipt): Promise<void> {
      await db
        .insertInto('recording_consents')
        .values({
          request_id: c.requestId,
          session_id: c.sessionId,
          participant_id: c.participantId,
          name: c.name,
          role: c.role,
          answer: c.answer,
          shown_text: c.shownText,
          created_at: c.createdAt,
        })
        .execute()
    },

    /** Every receipt of a request, oldest first. */
    async consents(requestId: string): Promise<ConsentReceipt[]> {
      const rows = await db
        .selectFrom('recording_consents')
        .selectAll()
        .where('request_id', '=', requestId)
        .orderBy('id')
        .execute()
      return rows.map((r) => ({
        requestId: r.request_id,
        sessionId: r.session_id,
        participantId: r.participant_id,
        name: r.name,
        role: r.role,
        answer: r.answer === 'allow' ? 'allow' : 'refuse',
        shownText: r.shown_text,
        createdAt: Number(r.created_at),
      }))
    },

    /**
     * Stores one chunk and creates its track with the first one, in one transaction. A sequence
     * number already stored is a no-op (an upload repeated after a lost answer).
     */
    async putChunk(c: NewChunk): Promise<PutChunkResult> {
      return db
        .transaction()
        .execute(async (trx) => {
          await trx
            .insertInto('recording_tracks')
            .values({
              id: c.trackId,
              session_id: c.sessionId,
              request_id: c.requestId,
              participant_id: c.participantId,
              name: c.name,
              role: c.role,
              mime_type: c.mimeType,
              started_at: c.startedAt,
              bytes: 0,
              chunks: 0,
              last_seq: -1,
              ended_at: null,
              finalized_at: null,
              duration_ms: null,
              created_at: c.now,
            })
            .onConflict((oc) => oc.column('id').doNothing())
            .execute()
          const row = await trx
            .selectFrom('recording_tracks')
            .selectAll()
            .where('id', '=', c.trackId)
            .executeTakeFirstOrThrow()
          if (row.participant_id !== c.participantId || row.session_id !== c.sessionId)
            return { stored: false, conflict: 'owner' } as const
          const inserted = await trx
            .insertInto('recording_chunks')
            .values({ track_id: c.trackId, seq: c.seq, data: c.data, created_at: c.now })
            .onConflict((oc) => oc.columns(['track_id', 'seq']).doNothing())
            .returning('seq')
            .executeTakeFirst()
          if (!inserted) return { stored: false, track: toTrack(row) } as const
          // a chunk that arrives after the file was made is refused whole (rolled back)
          if (row.finalized_at !== null) throw new FinalizedTrack()
          const lastSeq = Math.max(Number(row.last_seq), c.seq)
          await trx
            .updateTable('recording_tracks')
            .set({
              bytes: Number(row.bytes) + c.data.byteLength,
              chunks: Number(row.chunks) + 1,
              last_seq: lastSeq,
            })
            .where('id', '=', c.trackId)
            .execute()
          return {
            stored: true,
            track: {
              ...toTrack(row),
              bytes: Number(row.bytes) + c.data.byteLength,
              chunks: Number(row.chunks) + 1,
              lastSeq,
            },
          } as const
        })
        .catch((err: unknown) => {
          if (err instanceof FinalizedTrack) return { stored: false, conflict: 'ended' } as const
          throw err
        })
    },

    track,

    /**
     * Who speaks in a session: its interviewer and candidate members, admitted and not removed,
     * with when they first joined it (the people recording must ask).
     */
    async speakers(
      sessionId: string,
    ): Promise<Array<{ participantId: string; name: string; role: string; joinedAt: number }>> {
      const rows = await db
        .selectFrom('session_members as m')
        .innerJoin('participants as p', 'p.id', 'm.participant_id')
        .select(['m.participant_id', 'p.name', 'm.role', 'm.joined_at'])
        .where('m.session_id', '=', sessionId)
        .where('m.role', 'in', ['interviewer', 'candidate'])
        .where('p.removed_at', 'is', null)
        .where('p.admission', '=', 'admitted')
        // the interviewer first, then in the order they came
        .orderBy('m.role', 'desc')
        .orderBy('m.joined_at')
        .execute()
      return rows.map((r) => ({
        participantId: r.participant_id,
        name: r.name,
        role: r.role,
        joinedAt: Number(r.joined_at),
      }))
    },

    /** The tracks of a session in start order (no audio bytes). */
    async tracksForSession(sessionId: string): Promise<TrackRow[]> {
      const rows = await db
        .selectFrom('recording_tracks')
        .selectAll()
        .where('session_id', '=', sessionId)
        .orderBy('started_at')
        .orderBy('id')
        .execute()
      return rows.map(toTrack)
    },

    /** Chunk bytes stored for a whole session. */
    async sessionBytes(sessionId: string): Promise<number> {
      const r = await db
        .selectFrom('recording_tracks')
        .select((eb) => eb.fn.sum<number | string | null>('bytes').as('total'))
        .where('session_id', '=', sessionId)
        .executeTakeFirst()
      return Number(r?.total ?? 0)
    },

    /** The sequence numbers stored for a track, ascending (resume and tests). */
    async chunkSeqs(trackId: string): Promise<number[]> {
      const rows = await db
        .selectFrom('recording_chunks')
        .select('seq')
        .where('track_id', '=', trackId)
        .orderBy('seq')
        .execute()
      return rows.map((r) => Number(r.seq))
    },

    /** Whether that chunk is stored (a repeated upload is answered without a body). */
    async hasChunk(trackId: string, seq: number): Promise<boolean> {
      const r = await db
        .selectFrom('recording_chunks')
        .select('seq')
        .where('track_id', '=', trackId)
        .where('seq', '=', seq)
        .executeTakeFirst()
      return r !== undefined
    },

    /** When the newest chunk of a track was stored (null without chunks). */
    async lastChunkAt(trackId: string): Promise<number | null> {
      const r = await db
        .selectFrom('recording_chunks')
        .select((eb) => eb.fn.max<number | string | null>('created_at').as('last'))
        .where('track_id', '=', trackId)
        .executeTakeFirst()
      return r?.last === null || r?.last === undefined ? null : Number(r.last)
    },

    /** Every chunk of a track in sequence order. */
    async chunks(trackId: string): Promise<Array<{ seq: number; data: Uint8Array }>> {
      const rows = await db
        .selectFrom('recording_chunks')
        .select(['seq', 'data'])
        .where('track_id', '=', trackId)
        .orderBy('seq')
        .execute()
      return rows.map((r) => ({ seq: Number(r.seq), data: bytesOf(r.data) }))
    },

    /** Marks a track over (no chunk is expected any more); false when it was already. */
    async endTrack(trackId: string, now: number): Promise<boolean> {
      const r = await db
        .updateTable('recording_tracks')
        .set({ ended_at: now })
        .where('id', '=', trackId)
        .where('ended_at', 'is', null)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },

    /** Tracks that have chunks but no repaired file yet (to finalize after End or a crash). */
    async unfinalized(): Promise<TrackRow[]> {
      const rows = await db
        .selectFrom('recording_tracks')
        .selectAll()
        .where('finalized_at', 'is', null)
        .orderBy('created_at')
        .execute()
      return rows.map(toTrack)
    },

    /**
     * Stores the repaired file, marks the track finalized and drops its chunks (the file holds
     * them), in one transaction. False when another instance finalized it first, or when more
     * chunks arrived than the file was made of (it is made again later, none is lost).
     */
    async saveFile(
      trackId: string,
      file: { bytes: Uint8Array; mimeType: string; durationMs: number | null },
      now: number,
      /** how many chunks the file was made of (unchecked when absent) */
      usedChunks?: number,
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        let update = trx
          .updateTable('recording_tracks')
          .set({ finalized_at: now, duration_ms: file.durationMs, ended_at: now })
          .where('id', '=', trackId)
          .where('finalized_at', 'is', null)
        if (usedChunks !== undefined) update = update.where('chunks', '=', usedChunks)
        const r = await update.executeTakeFirst()
        if (Number(r.numUpdatedRows) === 0) return false
        await trx
          .insertInto('recording_files')
          .values({
            track_id: trackId,
            data: file.bytes,
            mime_type: file.mimeType,
            created_at: now,
          })
          .execute()
        await trx.deleteFrom('recording_chunks').where('track_id', '=', trackId).execute()
        return true
      })
    },

    /** The repaired file of a finalized track with who spoke it; null before finalizing. */
    async trackAudio(trackId: string): Promise<TrackAudio | null> {
      const r = await db
        .selectFrom('recording_tracks as t')
        .innerJoin('recording_files as f', 'f.track_id', 't.id')
        .select([
          't.id',
          't.session_id',
          't.participant_id',
          't.name',
          't.role',
          't.started_at',
          'f.mime_type',
          'f.data',
        ])
        .where('t.id', '=', trackId)
        .executeTakeFirst()
      if (!r) return null
      return {
        trackId: r.id,
        sessionId: r.session_id,
        participantId: r.participant_id,
        name: r.name,
        role: r.role,
        mimeType: r.mime_type,
        startedAt: Number(r.started_at),
        bytes: bytesOf(r.data),
      }
    },

    /** Deletes a track, its chunks and its file (one transaction). */
    async deleteTrack(trackId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('recording_chunks').where('track_id', '=', trackId).execute()
        await trx.deleteFrom('recording_files').where('track_id', '=', trackId).execute()
        await trx.deleteFrom('recording_tracks').where('id', '=', trackId).execute()
      })
    },

    /** Track ids created before `cutoff` (retention). */
    async tracksOlderThan(cutoff: number, limit = 100): Promise<string[]> {
      const rows = await db
        .selectFrom('recording_tracks')
        .select('id')
        .where('created_at', '<', cutoff)
        .orderBy('created_at')
        .limit(limit)
        .execute()
      return rows.map((r) => r.id)
    },
  }
}

class FinalizedTrack extends Error {}

export type RecordingsRepo = ReturnType<typeof recordingsRepo>
