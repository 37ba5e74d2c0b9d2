import { controlDocName, privateDocName } from '@mockroom/protocol'
import { roleInRound } from '@mockroom/access'
import {
  feedbackForRole,
  fragmentToMarkdown,
  NOTES_FRAGMENT,
  readAiReview,
  readCandidateNotes,
  readCoverage,
  readRubric,
  readSessionState,
  breakEnd,
  readTalk,
  readTranscript,
  participantColors,
  type RecordedAudio,
  type SessionRecord,
  type SessionSummary,
  type TranscriptSegment,
  type TranscriptionStatus,
} from '@mockroom/session-model'
import type { Store, StoredRole, TranscriptLine, TranscriptionJob } from '@mockroom/store'
import { checkAdmission } from '../join/admission'
import { lookupLink } from '../join/describe-link'
import { HttpError } from '../http/http-error'
import { answerReplays } from './answer-replays'
import { loadDoc } from './load-doc'
import { proveParticipant, type ParticipantProof } from '../join/participant-identity'

export const UNPROVEN_REVIEW_REASON =
  'someone was removed from this room: open the review in the browser you joined it with'

/**
 * The link and the proven participant behind a review request. The link finds the room; what a
 * round shows privately is decided by the role that person held in that round (session_members),
 * never by the link alone: links change roles between rounds and the interviewer hands them out.
 */
async function reviewer(store: Store, capability: string, proof: ParticipantProof) {
  const link = await lookupLink(store, capability)
  if (!link) return null
  const proven = await proveParticipant(store, proof)
  const person =
    proven && proven.roomId === link.roomId && proven.role === link.role ? proven : null
  // a removed person gets no review either (403), however they ask
  const admission = await checkAdmission(store, link, person)
  if (!admission.ok && admission.status === 403) throw new HttpError(403, admission.reason)
  // a link replaced by "New links" opens nothing for someone new
  if (!admission.ok && admission.status === 404) return null
  // once someone was removed, the link alone no longer tells them from the people still welcome
  if (!person && (await store.rooms.listParticipants(link.roomId)).some((p) => p.removedAt != null))
    throw new HttpError(403, UNPROVEN_REVIEW_REASON)
  const roles = person ? await store.members.rolesOf(person.id) : new Map<string, StoredRole>()
  return { link, roles, personId: person?.id ?? null }
}

/**
 * Whether this link (and proven person) may see that round, and as which role: the same rule as
 * the record. Null: not found (unknown link, another room's session).
 */
export async function reviewAccess(
  store: Store,
  capability: string,
  sessionId: string,
  proof: ParticipantProof = {},
): Promise<{ role: StoredRole; heldRole: StoredRole | null; participantId: string | null } | null> {
  const [who, session] = await Promise.all([
    reviewer(store, capability, proof),
    store.sessions.get(sessionId),
  ])
  if (!who || !session || session.roomId !== who.link.roomId) return null
  const heldRole = who.roles.get(sessionId) ?? null
  return {
    role: heldRole ?? roleInRound(who.link.role, session.swapped),
    heldRole,
    participantId: who.personId,
  }
}

/** The round's recorded tracks whose files are made (what the review can play). */
async function audioOf(store: Store, sessionId: string): Promise<RecordedAudio> {
  const tracks = await store.recordings.tracksForSession(sessionId)
  return {
    tracks: tracks
      .filter((t) => t.finalizedAt !== null)
      .map((t) => ({
        trackId: t.trackId,
        participantId: t.participantId,
        name: t.name,
        role: t.role,
        startedAt: t.startedAt,
        durationMs: t.durationMs,
        mimeType: t.mimeType.startsWith('audio/mp4') ? 'audio/mp4' : 'audio/webm',
      })),
  }
}

/** A record without its answer log, and that log as JSON text (see buildRecordJson). */
async function recordParts(
  store: Store,
  capability: string,
  sessionId: string,
  proof: ParticipantProof,
): Promise<{ record: Omit<SessionRecord, 'answerUpdates'>; answerUpdatesJson: string } | null> {
  const [who, session] = await Promise.all([
    reviewer(store, capability, proof),
    store.sessions.get(sessionId),
  ])
  if (!who || !session || session.roomId !== who.link.roomId) return null
  const { link } = who
  const heldRole = who.roles.get(sessionId) ?? null
  const role = heldRole ?? roleInRound(link.role, session.swapped)
  const [control, people, heard, jobs, audio] = await Promise.all([
    loadDoc(store, controlDocName(sessionId)),
    store.rooms.listParticipants(link.roomId),
    store.transcription.linesFor(sessionId),
    store.transcription.jobsFor(sessionId),
    audioOf(store, sessionId),
  ])
  const state = readSessionState(control)
  const colors = participantColors(people.map((p) => p.id))
  // the answer log is replayed off this thread and cached per session (answer-replays.ts)
  const replayed = await answerReplays().get(
    store,
    sessionId,
    state.sections.map((s) => s.key),
  )
  const record: Omit<SessionRecord, 'answerUpdates'> = {
    schema: 'mockroom.session/1',
    session: {
      id: session.id,
      roomId: session.roomId,
      round: session.round,
      mode: session.mode,
      status: session.status,
      createdAt: session.createdAt,
      startedAt: state.startedAt,
      endedAt: session.endedAt,
    },
    viewer: { role },
    question: state.question,
    sections: state.sections.map((s) => ({ ...s, spentMs: state.spentMs[s.key] ?? 0 })),
    breaks: state.breaks.map((b) => ({
      sectionKey: b.sectionKey,
      startedAt: b.startedAt,
      endedAt: breakEnd(b),
    })),
    sectionStarts: state.sectionStarts,
    participants: people
      .filter((p) => inSession(p, session))
      .map((p) => ({
        id: p.id,
        name: p.name,
        role: roleInRound(p.role, session.swapped),
        color: colors[p.id] ?? '#475569',
      })),
    transcript: withServerLines(readTranscript(control), heard),
    transcription: transcriptionOf(jobs, people),
    audio,
    talk: readTalk(control),
    authorship: replayed.authorship,
    answer: replayed.answer,
    clarifyRows: replayed.clarifyRows,
    sectionFeedback: state.feedback,
    // the same rule as the room: observers what the control document holds, the candidate
    // (and the interviewer) also notes shared with the candidate alone
    sharedFeedback: feedbackForRole(
      role,
      state.sharedFeedback,
      role !== 'observer' && state.sharedFeedback?.notesTo === 'candidate'
        ? await candidateNotes(store, sessionId)
        : null,
    ),
    private: heldRole === 'interviewer' ? await privatePart(store, sessionId) : null,
    feedbackFinal: state.feedbackFinalAt !== null || state.nextRound !== null,
  }
  control.destroy()
  return { record, answerUpdatesJson: replayed.answerUpdatesJson }
}

/**
 * The saved session for the holder of a room link. Only the proven interviewer of that round gets
 * the private rubric and notes; the candidate and the link's other holders only what was shared,
 * an observer neither. A session of another room is not found (null), like an unknown link.
 */
export async function buildRecord(
  store: Store,
  capability: string,
  sessionId: string,
  proof: ParticipantProof = {},
): Promise<SessionRecord | null> {
  const built = await recordParts(store, capability, sessionId, proof)
  if (!built) return null
  const answerUpdates = JSON.parse(built.answerUpdatesJson) as SessionRecord['answerUpdates']
  return { ...built.record, answerUpdates }
}

/**
 * The same record as JSON text, for the review API: the answer log's JSON (megabytes for a long
 * session) is spliced in as cached, not parsed and written again on every request.
 */
export async function buildRecordJson(
  store: Store,
  capability: string,
  sessionId: string,
  proof: ParticipantProof = {},
): Promise<string | null> {
  const built = await recordParts(store, capability, sessionId, proof)
  if (!built) return null
  const head = JSON.stringify(built.record)
  return `${head.slice(0, -1)},"answerUpdates":${built.answerUpdatesJson}}`
}

// The server's lines of recorded tracks join the live ones, in time order (a stable sort keeps
// lines of the same moment in the order they came).
function withServerLines(live: TranscriptSegment[], heard: TranscriptLine[]): TranscriptSegment[] {
  if (heard.length === 0) return live
  const server: TranscriptSegment[] = heard.map((l) => ({
    speakerId: l.participantId,
    name: l.name,
    role: l.role,
    startMs: l.startMs,
    endMs: l.endMs,
    text: l.text,
    source: 'server',
  }))
  return [...live, ...server].sort((a, b) => a.startMs - b.startMs)
}

function transcriptionOf(
  jobs: TranscriptionJob[],
  people: Array<{ id: string; name: string }>,
): TranscriptionStatus {
  const names = new Map(people.map((p) => [p.id, p.name]))
  return {
    tracks: jobs.map((j) => ({
      trackId: j.trackId,
      participantId: j.participantId,
      name: names.get(j.participantId) ?? 'Someone',
      status: j.status,
      progress: j.progress,
    })),
  }
}

/** Where transcription stands, for the review's progress line, under the record's own access. */
export async function transcriptionProgress(
  store: Store,
  capability: string,
  sessionId: string,
  proof: ParticipantProof = {},
): Promise<TranscriptionStatus | null> {
  const [who, session] = await Promise.all([
    reviewer(store, capability, proof),
    store.sessions.get(sessionId),
  ])
  if (!who || !session || session.roomId !== who.link.roomId) return null
  const [jobs, people] = await Promise.all([
    store.transcription.jobsFor(sessionId),
    store.rooms.listParticipants(who.link.roomId),
  ])
  return transcriptionOf(jobs, people)
}

// A person belongs to a round when they were in the room during it: joined before it ended and
// seen (joined or refreshed their token, which every browser does when a round starts) after it
// began. Identity is the participant id, kept across reconnects, reloads and rounds.
// Only the admitted took part: someone turned away (or still waiting) gets no row, even under a
// name someone in the room has.
function inSession(
  p: { firstSeenAt: number; lastSeenAt: number; admission: string },
  s: { createdAt: number; endedAt: number | null },
): boolean {
  return (
    p.admission === 'admitted' &&
    p.firstSeenAt <= (s.endedAt ?? Infinity) &&
    p.lastSeenAt >= s.createdAt
  )
}

async function candidateNotes(store: Store, sessionId: string): Promise<string | null> {
  const doc = await loadDoc(store, privateDocName(sessionId))
  const notes = readCandidateNotes(doc)
  doc.destroy()
  return notes
}

async function privatePart(store: Store, sessionId: string): Promise<SessionRecord['private']> {
  const doc = await loadDoc(store, privateDocName(sessionId))
  const rubric = readRubric(doc)
  const notes = fragmentToMarkdown(doc.getXmlFragment(NOTES_FRAGMENT))
  const coverage = readCoverage(doc)
  const aiReview = readAiReview(doc)
  doc.destroy()
  return { rubric: rubric.sections, overall: rubric.overall, notes, coverage, aiReview }
}

/** Every round of the link's room, newest first, as the /sessions page lists them. */
export async function listSessions(
  store: Store,
  capability: string,
  proof: ParticipantProof = {},
): Promise<{ roomId: string; sessions: SessionSummary[] } | null> {
  const who = await reviewer(store, capability, proof)
  if (!who) return null
  const { link } = who
  const [sessions, people] = await Promise.all([
    store.sessions.listForRoom(link.roomId),
    store.rooms.listParticipants(link.roomId),
  ])
  const summaries = await Promise.all(
    sessions.map(async (s) => {
      const control = await loadDoc(store, controlDocName(s.id))
      const state = readSessionState(control)
      control.destroy()
      const role = who.roles.get(s.id) ?? roleInRound(link.role, s.swapped)
      // progress: the scores this person received as the candidate, once shared with them
      const shared = role === 'candidate' ? state.sharedFeedback : null
      const scores = shared
        ? state.sections.flatMap((sec) => {
            const score = shared.rubric[sec.key]?.score
            return typeof score === 'number' ? [{ section: sec.title, score }] : []
          })
        : []
      return {
        sessionId: s.id,
        round: s.round,
        role,
        scores,
        questionTitle: state.question?.title ?? null,
        status: s.status,
        createdAt: s.createdAt,
        startedAt: state.startedAt,
        endedAt: s.endedAt,
        participants: people
          .filter((p) => inSession(p, s))
          .map((p) => ({ name: p.name, role: roleInRound(p.role, s.swapped) })),
        hasAudio: (await store.recordings.tracksForSession(s.id)).length > 0,
      }
    }),
  )
  return { roomId: link.roomId, sessions: summaries }
}
