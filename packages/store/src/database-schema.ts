import type { Generated } from 'kysely'

// Table shapes shared by both dialects; times are milliseconds since the epoch.
export interface RoomTable {
  id: string
  question_id: string
  mode: string
  created_at: number
}

export interface RoomLinkTable {
  capability_hash: string
  sealed_capability: string
  room_id: string
  role: string
  created_at: number
  revoked_at: number | null
}

export interface SessionTable {
  id: string
  room_id: string
  round: number
  question_id: string
  status: string
  created_at: number
  ended_at: number | null
  mode: string
  swapped: number
  revealed_at: number | null
}

export interface ParticipantTable {
  id: string
  room_id: string
  name: string
  role: string
  created_at: number
  last_seen_at: number
  removed_at: number | null
  /** 'waiting' | 'admitted' | 'turned-away' */
  admission: Generated<string>
}

export interface DocUpdateTable {
  id: Generated<number>
  doc: string
  data: Uint8Array
  author: string
  created_at: number
  /** PostgreSQL: 1 once a snapshot holds this row (loads read the latest snapshot + rows without) */
  compacted: number | null
}

export interface DocSnapshotTable {
  doc: string
  upto_id: number
  data: Uint8Array
  created_at: number
}

export interface SessionEventTable {
  id: Generated<number>
  session_id: string
  type: string
  participant_id: string | null
  data: string
  created_at: number
}

export interface SessionMemberTable {
  session_id: string
  participant_id: string
  role: string
  joined_at: number
}

export interface ParticipantKeyTable {
  participant_id: string
  key_hash: string
}

export interface RecordingRequestTable {
  id: string
  session_id: string
  asked_by: string
  asked_at: number
  stopped_at: number | null
  stopped_by: string | null
}

export interface RecordingConsentTable {
  id: Generated<number>
  request_id: string
  session_id: string
  participant_id: string
  name: string
  role: string
  /** 'allow' | 'refuse' */
  answer: string
  shown_text: string
  created_at: number
}

export interface RecordingTrackTable {
  id: string
  session_id: string
  request_id: string
  participant_id: string
  name: string
  role: string
  mime_type: string
  started_at: number
  bytes: number
  chunks: number
  last_seq: number
  ended_at: number | null
  finalized_at: number | null
  duration_ms: number | null
  created_at: number
}

export interface RecordingChunkTable {
  track_id: string
  seq: number
  data: Uint8Array
  created_at: number
}

export interface RecordingFileTable {
  track_id: string
  data: Uint8Array
  mime_type: string
  created_at: number
}

export interface TranscriptionJobTable {
  track_id: string
  session_id: string
  participant_id: string
  status: string
  progress: number
  attempts: number
  lease_until: number | null
  error: string | null
  created_at: number
  updated_at: number
}

export interface TranscriptLineTable {
  id: Generated<number>
  session_id: string
  track_id: string
  participant_id: string
  name: string
  role: string
  start_ms: number
  end_ms: number
  text: string
}

export interface QuestionSetTable {
  id: string
  title: string
  edit_hash: string
  share_hash: string
  sealed_share: string
  created_at: number
  updated_at: number
}

export interface SetQuestionTable {
  id: string
  set_id: string
  /** the file name in an export (`<slug>.md`), unique among the set's live questions */
  slug: string
  position: number
  current_version_id: string
  created_at: number
  updated_at: number
  deleted_at: number | null
}

export interface QuestionVersionTable {
  /** "qv-…": what sessions.question_id holds for a coach's question */
  id: string
  question_id: string
  set_id: string
  version: number
  /** the question draft as JSON */
  data: string
  created_at: number
}

export interface Database {
  rooms: RoomTable
  room_links: RoomLinkTable
  sessions: SessionTable
  participants: ParticipantTable
  doc_updates: DocUpdateTable
  doc_snapshots: DocSnapshotTable
  session_events: SessionEventTable
  session_members: SessionMemberTable
  participant_keys: ParticipantKeyTable
  recording_requests: RecordingRequestTable
  recording_consents: RecordingConsentTable
  recording_tracks: RecordingTrackTable
  recording_chunks: RecordingChunkTable
  recording_files: RecordingFileTable
  transcription_jobs: TranscriptionJobTable
  transcript_lines: TranscriptLineTable
  question_sets: QuestionSetTable
  set_questions: SetQuestionTable
  question_versions: QuestionVersionTable
}
