import { randomUUID } from 'node:crypto'
import { controlDocName } from '@mockroom/protocol'
import {
  ActionError,
  decideRecording,
  readSessionState,
  writeRecording,
  type ConsentDecision,
} from '@mockroom/session-model'
import type { Store } from '@mockroom/store'
import type { DocMember, LiveDoc } from '../core/live-doc'
import type { SessionDocs } from './session-docs'

/**
 * Recording with everyone's consent, decided here from the store (requests and receipts), never
 * from a client's flag. Each change is projected into the control document for every browser.
 */
export function recordingControl(deps: { store: Store; docs: SessionDocs }) {
  const { store, docs } = deps

  async function decide(sessionId: string): Promise<ConsentDecision> {
    const request = await store.recordings.latestRequest(sessionId)
    const [speakers, receipts, tracks] = await Promise.all([
      store.recordings.speakers(sessionId),
      request ? store.recordings.consents(request.id) : Promise.resolve([]),
      store.recordings.tracksForSession(sessionId),
    ])
    return decideRecording({ request, speakers, receipts, hasAudio: tracks.length > 0 })
  }

  async function project(control: LiveDoc, sessionId: string, author: string) {
    const { view } = await decide(sessionId)
    await control.serverChange(author, (doc) => void writeRecording(doc, view))
  }

  const notEnded = (control: LiveDoc) => {
    if (readSessionState(control.doc).status === 'ended')
      throw new ActionError('the interview has ended')
  }

  return {
    decide,

    async ask(control: LiveDoc, member: DocMember, shownText: string, now: number) {
      notEnded(control)
      const { sessionId, participantId, name, role } = member.context
      const open = await store.recordings.latestRequest(sessionId)
      if (open && open.stoppedAt === null) throw new ActionError('recording was asked for already')
      const id = randomUUID()
      await store.recordings.openRequest({ id, sessionId, askedBy: participantId, askedAt: now })
      // asking is the interviewer's own consent, with the text they confirmed
      await store.recordings.saveConsent({
        requestId: id,
        sessionId,
        participantId,
        name,
        role,
        answer: 'allow',
        shownText,
        createdAt: now,
      })
      await project(control, sessionId, participantId)
    },

    async answer(
      control: LiveDoc,
      member: DocMember,
      action: { requestId: string; allow: boolean; shownText: string },
      now: number,
    ) {
      const { sessionId, participantId, name, role } = member.context
      const open = await store.recordings.latestRequest(sessionId)
      if (!open || open.id !== action.requestId || open.stoppedAt !== null)
        throw new ActionError('that recording request is over')
      // a refusal is always taken, even after End: nobody's "no" is ever refused
      if (action.allow) notEnded(control)
      await store.recordings.saveConsent({
        requestId: open.id,
        sessionId,
        participantId,
        name,
        role,
        answer: action.allow ? 'allow' : 'refuse',
        shownText: action.shownText,
        createdAt: now,
      })
      await project(control, sessionId, participantId)
    },

    async stop(control: LiveDoc, member: DocMember, now: number) {
      const { sessionId, participantId } = member.context
      const open = await store.recordings.latestRequest(sessionId)
      if (open && open.stoppedAt === null)
        await store.recordings.stopRequest(open.id, participantId, now)
      await project(control, sessionId, participantId)
    },

    /** End stops the recording for everyone (the browsers stop their recorders on `ended`). */
    async stopOnEnd(sessionId: string, author: string, now: number) {
      const open = await store.recordings.latestRequest(sessionId)
      if (!open || open.stoppedAt !== null) return
      await store.recordings.stopRequest(open.id, author, now)
      await docs.withDoc(controlDocName(sessionId), (live) => project(live, sessionId, author))
    },

    /**
     * A person who speaks opened the control document: a newcomer must be asked (and holds the
     * recording back until they answer), so the projection is brought up to date.
     */
    async refresh(sessionId: string) {
      if (!(await store.recordings.latestRequest(sessionId))) return
      await docs.withDoc(controlDocName(sessionId), (live) => project(live, sessionId, 'server'))
    },
  }
}

export type RecordingControl = ReturnType<typeof recordingControl>
