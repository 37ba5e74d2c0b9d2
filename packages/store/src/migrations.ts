import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

export type Dialect = 'sqlite' | 'postgres'

// Written once for both dialects; only the auto-increment id and the blob type differ.
export function migrations(dialect: Dialect): Record<string, Migration> {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob'
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer'
  return {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('rooms')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('question_id', 'text', (c) => c.notNull())
          .addColumn('mode', 'text', (c) => c.notNull().defaultTo('interview'))
          .addColumn('created_at', bigint, (c) => c.notNull())
          .execute()
        await db.schema
          .createTable('room_links')
          .addColumn('capability_hash', 'text', (c) => c.primaryKey())
          .addColumn('sealed_capability', 'text', (c) => c.notNull())
          .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .execute()
        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
          .addColumn('round', 'integer', (c) => c.notNull())
          .addColumn('question_id', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addColumn('ended_at', bigint)
          .execute()
        await db.schema
          .createIndex('sessions_room')
          .on('sessions')
          .columns(['room_id', 'round'])
          .execute()
        await db.schema
          .createTable('participants')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addColumn('last_seen_at', bigint, (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex('participants_room')
          .on('participants')
          .column('room_id')
          .execute()
        await db.schema
          .createTable('doc_updates')
          .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('doc', 'text', (c) => c.notNull())
          .addColumn('data', sql.raw(blob), (c) => c.notNull())
          .addColumn('author', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex('doc_updates_doc')
          .on('doc_updates')
          .columns(['doc', 'id'])
          .execute()
        await db.schema
          .createTable('doc_snapshots')
          .addColumn('doc', 'text', (c) => c.notNull())
          .addColumn('upto_id', bigint, (c) => c.notNull())
          .addColumn('data', sql.raw(blob), (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addPrimaryKeyConstraint('doc_snapshots_pk', ['doc', 'upto_id'])
          .execute()
      },
    },
    '0002_session_events': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('session_events')
          .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('session_id', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('participant_id', 'text')
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex('session_events_session')
          .on('session_events')
          .columns(['session_id', 'id'])
          .execute()
      },
    },
    '0003_rounds_and_removal': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('sessions')
          .addColumn('mode', 'text', (c) => c.notNull().defaultTo('interview'))
          .execute()
        await db.schema
          .alterTable('sessions')
          .addColumn('swapped', 'integer', (c) => c.notNull().defaultTo(0))
          .execute()
        await db.schema.alterTable('sessions').addColumn('revealed_at', bigint).execute()
        await db.schema.alterTable('participants').addColumn('removed_at', bigint).execute()
      },
    },
    // who held which role in each round, and a key per participant: access to a round's private
    // data follows the person who was its interviewer, not whoever holds a link later
    '0004_session_members': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('session_members')
          .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
          .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('joined_at', bigint, (c) => c.notNull())
          .addPrimaryKeyConstraint('session_members_pk', ['session_id', 'participant_id'])
          .execute()
        await db.schema
          .createTable('participant_keys')
          .addColumn('participant_id', 'text', (c) => c.primaryKey().references('participants.id'))
          .addColumn('key_hash', 'text', (c) => c.notNull())
          .execute()
      },
    },
    // a waiting room once the interview runs (new arrivals wait until the interviewer admits
    // them), and "New links": old capabilities stay for people already in, never for newcomers
    '0005_admission_and_link_revocation': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('participants')
          .addColumn('admission', 'text', (c) => c.notNull().defaultTo('admitted'))
          .execute()
        await db.schema.alterTable('room_links').addColumn('revoked_at', bigint).execute()
      },
    },
    // recording with consent (issue #22): requests, receipts, tracks, their chunks and the
    // repaired file, all in the store so every instance reaches them
    '0006_recordings': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('recording_requests')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('session_id', 'text', (c) => c.notNull())
          .addColumn('asked_by', 'text', (c) => c.notNull())
          .addColumn('asked_at', bigint, (c) => c.notNull())
          .addColumn('stopped_at', bigint)
          .addColumn('stopped_by', 'text')
          .execute()
        await db.schema
          .createIndex('recording_requests_session')
          .on('recording_requests')
          .columns(['session_id', 'asked_at'])
          .execute()
        await db.schema
          .createTable('recording_consents')
          .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('request_id', 'text', (c) => c.notNull())
          .addColumn('session_id', 'text', (c) => c.notNull())
          .addColumn('participant_id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('answer', 'text', (c) => c.notNull())
          .addColumn('shown_text', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex('recording_consents_request')
          .on('recording_consents')
          .columns(['request_id', 'id'])
          .execute()
        await db.schema
          .createTable('recording_tracks')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('session_id', 'text', (c) => c.notNull())
          .addColumn('request_id', 'text', (c) => c.notNull())
          .addColumn('participant_id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('mime_type', 'text', (c) => c.notNull())
          .addColumn('started_at', bigint, (c) => c.notNull())
          .addColumn('bytes', bigint, (c) => c.notNull())
          .addColumn('chunks', 'integer', (c) => c.notNull())
          .addColumn('last_seq', 'integer', (c) => c.notNull())
          .addColumn('ended_at', bigint)
          .addColumn('finalized_at', bigint)
          .addColumn('duration_ms', bigint)
          .addColumn('created_at', bigint, (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex('recording_tracks_session')
          .on('recording_tracks')
          .columns(['session_id', 'started_at'])
          .execute()
        await db.schema
          .createTable('recording_chunks')
          .addColumn('track_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('data', sql.raw(blob), (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addPrimaryKeyConstraint('recording_chunks_pk', ['track_id', 'seq'])
          .execute()
        await db.schema
          .createTable('recording_files')
          .addColumn('track_id', 'text', (c) => c.primaryKey())
          .addColumn('data', sql.raw(blob), (c) => c.notNull())
          .addColumn('mime_type', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .execute()
      },
    },
    // offline transcription (issue #22): one job row per recorded track, claimed under a lease so
    // a crashed worker loses nothing, and the lines the engine heard, per track
    '0007_transcription': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('transcription_jobs')
          .addColumn('track_id', 'text', (c) => c.primaryKey())
          .addColumn('session_id', 'text', (c) => c.notNull())
          .addColumn('participant_id', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('lease_until', bigint)
          .addColumn('error', 'text')
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addColumn('updated_at', bigint, (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex('transcription_jobs_session')
          .on('transcription_jobs')
          .columns(['session_id'])
          .execute()
        await db.schema
          .createIndex('transcription_jobs_waiting')
          .on('transcription_jobs')
          .columns(['status', 'created_at'])
          .execute()
        await db.schema
          .createTable('transcript_lines')
          .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('session_id', 'text', (c) => c.notNull())
          .addColumn('track_id', 'text', (c) => c.notNull())
          .addColumn('participant_id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('start_ms', bigint, (c) => c.notNull())
          .addColumn('end_ms', bigint, (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .execute()
        await db.schema
          .createIndex('transcript_lines_session')
          .on('transcript_lines')
          .columns(['session_id', 'start_ms'])
          .execute()
        await db.schema
          .createIndex('transcript_lines_track')
          .on('transcript_lines')
          .columns(['track_id'])
          .execute()
      },
    },
    // coaches' question sets (issue #23): a set per pair of capabilities, its questions, and every
    // version of each kept immutable (sessions.question_id names a version: "qv-…")
    '0008_question_sets': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('question_sets')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('edit_hash', 'text', (c) => c.notNull().unique())
          .addColumn('share_hash', 'text', (c) => c.notNull().unique())
          .addColumn('sealed_share', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addColumn('updated_at', bigint, (c) => c.notNull())
          .execute()
        await db.schema
          .createTable('set_questions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('set_id', 'text', (c) => c.notNull().references('question_sets.id'))
          .addColumn('slug', 'text', (c) => c.notNull())
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('current_version_id', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addColumn('updated_at', bigint, (c) => c.notNull())
          .addColumn('deleted_at', bigint)
          .execute()
        await db.schema
          .createIndex('set_questions_set')
          .on('set_questions')
          .columns(['set_id', 'position'])
          .execute()
        await db.schema
          .createTable('question_versions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('question_id', 'text', (c) => c.notNull().references('set_questions.id'))
          .addColumn('set_id', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('created_at', bigint, (c) => c.notNull())
          .addUniqueConstraint('question_versions_number', ['question_id', 'version'])
          .execute()
      },
    },
    // snapshots that stay right when instances commit out of order (issue #25): on PostgreSQL a
    // snapshot names the rows it holds by marking them, instead of "every id up to mine" — a row
    // with a lower id committed later by another instance is not marked, and every load reads it
    '0009_compaction': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('doc_updates').addColumn('compacted', 'integer').execute()
        // SQLite has one writer, whose ids commit in order: it keeps "rows after the snapshot"
        if (dialect !== 'postgres') return
        // snapshots written before this held every row up to their id (one instance wrote them)
        await sql`update doc_updates set compacted = 1 where id <= (
          select max(s.upto_id) from doc_snapshots s where s.doc = doc_updates.doc)`.execute(db)
        await db.schema
          .createIndex('doc_updates_uncompacted')
          .on('doc_updates')
          .columns(['doc', 'id'])
          .where(sql.ref('compacted'), 'is', null)
          .execute()
      },
    },
  }
}
