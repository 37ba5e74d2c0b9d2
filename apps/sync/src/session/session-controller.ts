import {
  privateDocName,
  type ControlAction,
  type ControlResult,
  CloseCode,
  CloseError,
  controlRequestSchema,
} from '@mockroom/protocol'
import { canRequest } from '@mockroom/access'
import {
  ActionError,
  appendSegments,
  applySessionAction,
  feedbackToShare,
  finalizeFeedback,
  readSessionState,
  shareFeedback,
  writeCandidateNotes,
} from '@mockroom/session-model'
import type { Store } from '@mockroom/store'
import type { CallControl } from './call-control'
import { answerFromHint } from './clarify-hint'
import type { LiveDoc, DocMember } from '../core/live-doc'
import { sessionLifecycle, type Projector } from './session-lifecycle'
import { recordTalk } from './record-talk'
import type { RecordingControl } from './recording-control'
import { defaultLimits, type SyncLimits } from '../guards/sync-limits'
import { entryBytes, writeBudgets, type WriteBudgets } from '../guards/write-budget'
import type { SessionDocs } from './session-docs'

const appendOnly = new Set<ControlAction['type']>(['talk', 'transcript', 'note'])
// what still runs when the control document is full: the interview can always end, and people
// can always be removed, and recording can always be refused or stopped
const alwaysAllowed = new Set<ControlAction['type']>([
  'end',
  'remove',
  'recording-answer',
  'recording-stop',
])

// A browser's clock correction can be off; keep times plausible (within the last 6 h, not ahead).
function clampTimes(t: { startMs: number; endMs: number }, now: number) {
  const startMs = Math.min(Math.max(t.startMs, now - 6 * 3_600_000), now)
  return { startMs, endMs: Math.min(Math.max(t.endMs, startMs), now) }
}

/**
 * Runs interviewer control requests against the control document (the only writer of it) and
 * the store. Bad JSON closes the socket (4400); a request that does not fit the session's state
 * gets `{ok: false, error}` that the interviewer's UI shows.
 */
export function sessionController(deps: {
  store: Store
  docs: SessionDocs
  call?: CallControl
  /** how the sessions row reaches the control document (tests inject a failing one) */
  project?: Projector
  /** each person's share of what the server writes into a control document */
  budgets?: WriteBudgets
  /** the control document's ceiling (docBytes) */
  limits?: Pick<SyncLimits, 'docBytes'>
  /** recording with consent (recording-control.ts) */
  recording?: RecordingControl
}) {
  const { store, docs } = deps
  const budgets = deps.budgets ?? writeBudgets(defaultLimits)
  const docBytes = (deps.limits ?? defaultLimits).docBytes
  const lifecycle = sessionLifecycle(deps)

  const needRecording = () => {
    if (!deps.recording) throw new ActionError('recording is not available on this server')
    return deps.recording
  }

  // the private notes and rubric take writes until the feedback is final
  const lock = (...names: string[]) => docs.lock(names)

  async function run(control: LiveDoc, member: DocMember, action: ControlAction, now: number) {
    const { sessionId, participantId: author, role } = member.context
    if (!canRequest(role, action.type)) {
      throw new CloseError(CloseCode.forbidden, `${role} may not send ${action.type}`)
    }
    switch (action.type) {
      case 'talk':
        return recordTalk(control, member, action, now, budgets(control.doc))
      case 'transcript':
      case 'note': {
        if (readSessionState(control.doc).status === 'ended')
          throw new ActionError('the interview has ended')
        const { startMs, endMs } =
          action.type === 'note' ? { startMs: now, endMs: now } : clampTimes(action, now)
        const { name } = member.context
        const source = action.type === 'note' ? 'note' : 'speech'
        const segment = {
          speakerId: author,
          name,
          role,
          startMs,
          endMs,
          text: action.text,
          source,
        } as const
        const refused = budgets(control.doc).refusal(author, role, entryBytes(segment))
        if (refused) throw new ActionError(refused)
        return control.serverChange(author, (doc) => appendSegments(doc, [segment]))
      }
      case 'reveal':
        return lifecycle.reveal(control, author, action.questionId, now)
      case 'start':
        return lifecycle.start(control, author, now)
      case 'end':
        await lifecycle.end(control, author, now)
        return deps.recording?.stopOnEnd(sessionId, author, now)
      case 'recording-ask':
        return needRecording().ask(control, member, action.shownText, now)
      case 'recording-answer':
        return needRecording().answer(control, member, action, now)
      case 'recording-stop':
        return needRecording().stop(control, member, now)
      case 'finalize-feedback':
        await control.serverChange(author, (doc) => finalizeFeedback(doc, now))
        return lock(privateDocName(sessionId))
      case 'share-feedback': {
        if (readSessionState(control.doc).status !== 'ended')
          throw new ActionError('share feedback after the interview ends')
        const notesTo = !action.includeNotes
          ? 'nobody'
          : action.notesToObservers
            ? 'everyone'
            : 'candidate'
        // notes for the candidate alone stay in the private document (observers read the
        // control document); the review API hands them to the candidate
        const feedback = await docs.withDoc(privateDocName(sessionId), async (r) => {
          const shared = feedbackToShare(r.doc, notesTo, now)
          // the overall call is what the candidate reads first: no share without it
          if (!shared.control.overall.recommendation)
            throw new ActionError('Choose an overall recommendation before sharing the feedback.')
          await r.serverChange(author, (doc) => writeCandidateNotes(doc, shared.candidateNotes))
          r.lock()
          return shared.control
        })
        await control.serverChange(author, (doc) => shareFeedback(doc, feedback))
        return lock(privateDocName(sessionId))
      }
      case 'answer-clarify-row':
        return answerFromHint(deps, sessionId, author, action)
      case 'next-round':
        return lifecycle.nextRound(control, author, action.questionId, now)
      case 'remove': {
        const [session, target] = await Promise.all([
          store.sessions.get(sessionId),
          store.rooms.findParticipant(action.participantId),
        ])
        if (!session || !target || target.roomId !== session.roomId)
          throw new ActionError('no such participant')
        if (target.id === author) throw new ActionError('you cannot remove yourself')
        await store.rooms.markParticipantRemoved(target.id, now)
        docs.closeParticipant(target.id)
        return deps.call?.removeFromCall(session.roomId, target.id)
      }
      default:
        return control.serverChange(author, (doc) => applySessionAction(doc, action, now))
    }
  }

  return async (control: LiveDoc, member: DocMember, body: unknown): Promise<ControlResult> => {
    const parsed = controlRequestSchema.safeParse(body)
    if (!parsed.success) throw new CloseError(CloseCode.badMessage, 'malformed control request')
    const { id: requestId, action } = parsed.data
    try {
      // the control document's own ceiling, whoever's writes filled it (the budgets keep
      // transcripts far below it; repeated feedback, reveals or pauses are what remain)
      if (control.usage.bytes >= docBytes && !alwaysAllowed.has(action.type))
        throw new ActionError(
          `the session's record is full (${docBytes / 1024 / 1024} MiB); earlier changes are kept`,
        )
      // appends commute; every other request reads the state it changes, so it runs alone
      if (appendOnly.has(action.type)) await run(control, member, action, Date.now())
      else await docs.exclusive(control, () => run(control, member, action, Date.now()))
      return { id: requestId, ok: true }
    } catch (err) {
      if (err instanceof ActionError) return { id: requestId, ok: false, error: err.message }
      throw err
    }
  }
}
