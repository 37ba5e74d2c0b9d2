export type { Store, StoreConfig } from './open-store'
export { openStore } from './open-store'
export type { Admission, NewRoom, LinkInfo, ParticipantRow, StoredRole } from './rooms-repo'
export type { UpdateRow, StoredUpdate, LoadedDoc } from './update-rows'
export { loadDevSecret } from './dev-secret'
export type { SessionEvent } from './events-repo'
export type { SessionRow, SessionStatusRow } from './sessions-repo'
export type {
  ConsentReceipt,
  NewChunk,
  PutChunkResult,
  RecordingRequest,
  RecordingsRepo,
  TrackAudio,
  TrackRow,
} from './recordings-repo'
export type {
  JobClaim,
  TranscriptionJob,
  TranscriptionStatus,
  TranscriptLine,
} from './transcription-repo'
export type {
  NewQuestionSet,
  QuestionSetRow,
  QuestionVersionRow,
  SetImport,
  SetQuestionRow,
} from './question-sets-repo'
