import {
  ActionError,
  clearSections,
  projectLifecycle,
  type LifecycleFacts,
} from '@mockroom/session-model'
import { answerDocName, parseDocName, privateDocName } from '@mockroom/protocol'
import { createId } from '@mockroom/access/server'
import {
  isVersionId,
  resolveQuestion,
  type Question,
  type ResolvedQuestion,
} from '@mockroom/questions'
import type { SessionRow, Store } from '@mockroom/store'
import type { LiveDoc } from '../core/live-doc'
import type { SessionDocs } from './session-docs'

/** Writes the row's lifecycle into a control document (step 2); a seam for tests. */
export type Projector = (control: LiveDoc, author: string, now: number) => Promise<void>

export function publicQuestion(q: Question) {
  const { id, title, prompt, type, company, tags, difficulty } = q
  return { id, title, prompt, type, company, tags, difficulty }
}

/**
 * A question this room may switch to: any of the bank's, or a coach's version from the set of a
 * version one of its rounds was created with (a room never reveals another set's question by a
 * guessed id).
 */
async function roomQuestion(
  store: Store,
  row: SessionRow,
  questionId: string,
): Promise<ResolvedQuestion> {
  if (isVersionId(questionId)) {
    const asked = await store.questionSets.getVersion(questionId)
    const rounds = await store.sessions.listForRoom(row.roomId)
    const ours = await Promise.all(
      rounds
        .filter((s) => isVersionId(s.questionId))
        .map((s) => store.questionSets.getVersion(s.questionId)),
    )
    if (!asked || !ours.some((v) => v?.setId === asked.setId))
      throw new ActionError('unknown question')
  }
  const resolved = await resolveQuestion(questionId, store.questionSets)
  if (!resolved) throw new ActionError('unknown question')
  return resolved
}

async function nextRoundOf(store: Store, row: SessionRow) {
  if (row.status !== 'ended') return null
  const rounds = await store.sessions.listForRoom(row.roomId)
  const next = rounds.find((s) => s.round === row.round + 1)
  return next ? { sessionId: next.id, round: next.round } : null
}

/** The lifecycle as the sessions row has it (null: no such session). */
export async function lifecycleFacts(
  store: Store,
  sessionId: string,
): Promise<LifecycleFacts | null> {
  const row = await store.sessions.get(sessionId)
  if (!row) return null
  const q =
    row.revealedAt !== null ? await resolveQuestion(row.questionId, store.questionSets) : null
  return {
    status: row.status,
    mode: row.mode,
    round: row.round,
    revealed: q ? { question: publicQuestion(q.question), sections: q.template.sections } : null,
    endedAt: row.endedAt,
    nextRound: await nextRoundOf(store, row),
  }
}

/** The one writer of lifecycle fields into a control document: reads the row, projects it. */
export function rowProjector(store: Store): Projector {
  return async (control, author, now) => {
    const name = parseDocName(control.name)
    const facts = name && (await lifecycleFacts(store, name.sessionId))
    if (!facts) return
    await control.serverChange(author, (doc) => projectLifecycle(doc, facts, now))
  }
}

/**
 * Owns a round's lifecycle (reveal, start, end, next round). The sessions row is the authority:
 * each change is checked against it and written to it first (one conditional statement or
 * transaction, so of two instances running the same request only one wins); then documents are
 * locked on every instance; then the control document, the browsers' view, is projected from the
 * row by one function. If the projection fails the row and the locks stand, and the next load of
 * the control document repairs it (prepare-doc.ts).
 */
export function sessionLifecycle(deps: { store: Store; docs: SessionDocs; project?: Projector }) {
  const { store, docs } = deps
  const project = deps.project ?? rowProjector(store)

  const row = async (sessionId: string): Promise<SessionRow> => {
    const r = await store.sessions.get(sessionId)
    if (!r) throw new ActionError('unknown session')
    return r
  }
  const notEnded = (r: SessionRow) => {
    if (r.status === 'ended') throw new ActionError('the interview has ended')
  }
  // after the end the answer takes no more client writes; the private notes and rubric only
  // once the interviewer finalizes or shares the feedback, or the next round begins
  const lock = (...names: string[]) => docs.lock(names)
  // then what follows from the row for other documents (locks, a fresh answer), even when the
  // projection failed: the row already says it happened
  const commit = async (
    control: LiveDoc,
    author: string,
    now: number,
    locks: string[],
    after?: () => Promise<void>,
  ) => {
    // locks first: another instance gets the lock event before the projection's updates (one
    // Redis connection keeps their order), so a client that sees "ended" can no longer write
    await lock(...locks)
    try {
      await project(control, author, now)
    } finally {
      await after?.()
    }
  }

  return {
    async reveal(control: LiveDoc, author: string, questionId: string, now: number) {
      const sessionId = sessionOf(control)
      const r = await row(sessionId)
      const q = (await roomQuestion(store, r, questionId)).question
      notEnded(r)
      if (r.status !== 'lobby')
        throw new ActionError('the question can only change before the start')
      if (!(await store.sessions.reveal(sessionId, q.id, now)))
        throw new ActionError('the question can only change before the start')
      // another question starts a fresh answer, never merged into the new sections; what was
      // written stays in the answer's update history, so the replay still shows it
      const before =
        r.revealedAt !== null ? await resolveQuestion(r.questionId, store.questionSets) : null
      const clear =
        before && before.question.id !== q.id
          ? () =>
              docs.withDoc(answerDocName(sessionId), (a) =>
                a.serverChange(author, (doc) =>
                  clearSections(
                    doc,
                    before.template.sections.map((s) => s.key),
                  ),
                ),
              )
          : undefined
      await commit(control, author, now, [], clear)
    },

    async start(control: LiveDoc, author: string, now: number) {
      const sessionId = sessionOf(control)
      const r = await row(sessionId)
      notEnded(r)
      if (r.status !== 'lobby') throw new ActionError('the interview has already started')
      if (r.revealedAt === null) throw new ActionError('reveal a question first')
      if (!(await store.sessions.markLive(sessionId)))
        throw new ActionError('the interview has already started')
      await commit(control, author, now, [])
    },

    async end(control: LiveDoc, author: string, now: number) {
      const sessionId = sessionOf(control)
      notEnded(await row(sessionId))
      if (!(await store.sessions.end(sessionId, now)))
        throw new ActionError('the interview has ended')
      await commit(control, author, now, [answerDocName(sessionId)])
      // the saved session keeps a snapshot of the final answer beside its full update history
      await docs.withDoc(answerDocName(sessionId), (r) => r.snapshot())
    },

    async nextRound(control: LiveDoc, author: string, questionId: string, now: number) {
      const sessionId = sessionOf(control)
      const current = await row(sessionId)
      const q = (await roomQuestion(store, current, questionId)).question
      if (await nextRoundOf(store, { ...current, status: 'ended' }))
        throw new ActionError('the next round has already started')
      const next = await store.sessions.createNext(current, {
        sessionId: createId(),
        questionId: q.id,
        now,
      })
      if (!next) throw new ActionError('the next round has already started')
      await commit(control, author, now, [answerDocName(sessionId), privateDocName(sessionId)])
    },
  }
}

function sessionOf(control: LiveDoc): string {
  const name = parseDocName(control.name)
  if (!name) throw new ActionError('not a session document')
  return name.sessionId
}
