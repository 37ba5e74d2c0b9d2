export {
  sectionFragmentName,
  sectionFragment,
  readSectionText,
  appendParagraph,
  clearSections,
} from './answer-doc'
export type { ClarifyField, ClarifyRow } from './clarify-rows'
export {
  CLARIFY_ROWS,
  CLARIFY_SECTION,
  clarifyFields,
  clarifyFieldLabels,
  clarifyRowsOf,
  clarifyFieldText,
  findClarifyRow,
  readClarifyRows,
  addClarifyRow,
  removeClarifyRow,
  answerClarifyRow,
} from './clarify-rows'
export type { ClarifyFacts } from './clarify-export'
export {
  clarifyRowsMarkdown,
  clarifyRowsText,
  clarifyFacts,
  clarifySuggestion,
} from './clarify-export'
export type { ClarifyRowRuns } from './clarify-runs'
export { clarifyRowRuns } from './clarify-runs'
export { answerMarkdown } from './answer-markdown'
export type { TimedUpdate, Replay } from './replay'
export { createReplay } from './replay'
export { fragmentToMarkdown } from './to-markdown'
export type {
  SessionStatus,
  SessionMode,
  PublicQuestion,
  SectionPlan,
  RubricEntry,
  SharedFeedback,
  SessionState,
  SectionStart,
} from './session-state'
export { readSessionState, initialSessionState, SESSION_MAP } from './session-state'
export type { SectionTimer } from './section-timer'
export { sectionElapsedMs } from './section-timer'
export {
  applySessionAction,
  initSessionState,
  shareFeedback,
  finalizeFeedback,
  ActionError,
} from './session-actions'
export type { LifecycleFacts } from './session-projection'
export { projectLifecycle } from './session-projection'
export type { NotesAudience } from './feedback-share'
export {
  feedbackToShare,
  writeCandidateNotes,
  readCandidateNotes,
  feedbackForRole,
} from './feedback-share'
export type { Rubric } from './private-doc'
export {
  NOTES_FRAGMENT,
  scoreLabels,
  recommendations,
  readRubric,
  setRubricEntry,
  setOverall,
  chosenQuestionId,
  chooseQuestion,
  readCoverage,
  setCoverageTick,
} from './private-doc'
export type { TranscriptSegment, TranscriptSource } from './transcript'
export { TRANSCRIPT_ARRAY, transcriptOf, readTranscript, appendSegments } from './transcript'
export type { TalkSpan, TalkShare, TalkSummary, Speaker } from './talk-time'
export {
  TALK_ARRAY,
  talkOf,
  readTalk,
  appendTalkSpan,
  summarizeTalk,
  talkMarkdown,
  speechDetected,
  totalTalkMs,
  MIN_TALK_MS,
  NO_SPEECH,
} from './talk-time'
export type {
  RecordedAudio,
  SessionRecord,
  SessionSummary,
  TranscriptionStatus,
} from './session-record'
export { breaksLine, sessionMarkdown } from './session-markdown'
export type { TextRun, BlockRuns } from './section-runs'
export { sectionRuns } from './section-runs'
export { PARTICIPANT_PALETTE, participantColors, fallbackColor } from './participant-colors'
export type { AuthorShare } from './authorship'
export { sectionAuthorship } from './authorship'
export type { SectionOutcome } from './section-outcome'
export { sectionOutcomes, outcomeLabel } from './section-outcome'
export type { PlanVsActual, PlanVsActualRow } from './plan-vs-actual'
export { planClock, planVsActual } from './plan-vs-actual'
export type { ThinkingBreak } from './thinking-break'
export { activeBreak, breakEnd, BREAK_MS, clockReadingAt, MAX_BREAKS } from './thinking-break'
export type { SectionInsight, SessionInsights } from './insights'
export { FILLER_WORDS, sessionInsights } from './insights'
export type { Monologue } from './talk-time'
export type { CheckSpec, CheckKind, CheckEvidence, CheckResult } from './check-spec'
export { runChecks } from './run-checks'
export type { AiReview } from './ai-review'
export { readAiReview, setAiReview } from './ai-review'
export type {
  ConsentAnswer,
  ConsentDecision,
  ConsentFacts,
  RecordingPerson,
  RecordingSpeaker,
  RecordingStatus,
  RecordingView,
} from './recording-consent'
export {
  RECORDING_MAP,
  decideRecording,
  mayStoreChunk,
  readRecording,
  recordingOff,
  writeRecording,
} from './recording-consent'
