import { answerDocName, controlDocName } from '@mockroom/protocol'
import { checksFor, getQuestion, templates } from '@mockroom/questions'
import {
  addClarifyRow,
  appendParagraph,
  applySessionAction,
  clarifyFieldText,
  findClarifyRow,
  initSessionState,
  projectLifecycle,
  runChecks,
  type CheckResult,
} from '@mockroom/session-model'
import { afterEach, beforeEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { joinRoom } from '../src/server/join/join-room'
import { buildRecord } from '../src/server/review/review-records'
import { createRoom } from '../src/server/rooms/create-room'
import type { ServerContext } from '../src/server/server-context'
import { openTestContext } from './test-context'

// The automated checks on a session as the store keeps it: the control and answer documents
// written update by update, as the sync server stores them, then the record the review API builds.
let ctx: ServerContext
let close: () => Promise<void>
beforeEach(async () => {
  ;({ ctx, close } = await openTestContext('mockroom-checks-'))
})
afterEach(() => close())

const MIN = 60_000

/** A Y.Doc whose every transaction is stored as the given author at the clock's time. */
function storedDoc(docName: string, clock: { now: number }, author: () => string) {
  const doc = new Y.Doc()
  const rows: Array<{ doc: string; data: Uint8Array; author: string; createdAt: number }> = []
  doc.on('update', (data: Uint8Array) =>
    rows.push({ doc: docName, data, author: author(), createdAt: clock.now }),
  )
  return { doc, flush: () => ctx.store.updates.appendUpdates(rows.splice(0)) }
}

it('judges a stored session: a metric but no guardrail, jumping to when Metrics began', async () => {
  const questionId = 'alipay-international-customers'
  const question = getQuestion(questionId)
  if (!question) throw new Error('no such question')
  const urls = { origin: 'http://app.test', syncUrl: 'ws://app.test:1234' }
  const room = await createRoom(ctx, { questionId, mode: 'interview' }, urls.origin)
  const cap = (link: string | undefined) => link?.split('/join/')[1] ?? ''
  const join = async (link: string | undefined, name: string) => {
    const r = await joinRoom(ctx, { capability: cap(link), name }, urls)
    if ('waiting' in r) throw new Error('waiting')
    return r
  }
  const ivy = await join(room.links.interviewer, 'Ivy')
  const cody = await join(room.links.candidate, 'Cody')
  const sessionId = room.sessionId
  const clock = { now: 1_000_000 }
  const control = storedDoc(controlDocName(sessionId), clock, () => 'server')
  const answer = storedDoc(answerDocName(sessionId), clock, () => cody.participantId)

  // the interview as the sync server runs it: reveal, start, Next through every section, End
  const { hints: _hints, ...shown } = question
  const revealed = { question: shown, sections: templates['product-improvement'].sections }
  const facts = { mode: 'interview' as const, round: 1, revealed, nextRound: null }
  initSessionState(control.doc, { mode: 'interview', round: 1 })
  projectLifecycle(control.doc, { ...facts, status: 'live', endedAt: null }, clock.now)
  const start = clock.now
  const row = addClarifyRow(answer.doc)
  clarifyFieldText(findClarifyRow(answer.doc, row)!, 'question')?.insert(0, 'Which markets?')
  const minutes = [4, 5, 6, 8, 4]
  for (const m of minutes) {
    clock.now += m * MIN
    applySessionAction(control.doc, { type: 'next' }, clock.now)
  }
  const metricsStart = clock.now
  appendParagraph(answer.doc, 'metrics', 'Primary: payments per international user per week.')
  clock.now += 3 * MIN
  await ctx.store.sessions.end(sessionId, clock.now)
  projectLifecycle(control.doc, { ...facts, status: 'ended', endedAt: clock.now }, clock.now)
  await control.flush()
  await answer.flush()

  const record = await buildRecord(ctx.store, cap(room.links.interviewer), sessionId, {
    participantId: ivy.participantId,
    participantKey: ivy.participantKey,
  })
  if (!record) throw new Error('no record')
  expect(record.sectionStarts?.map((s) => s.at - start)).toEqual(
    [0, 4, 9, 15, 23, 27].map((m) => m * MIN),
  )
  const checks = new Map<string, CheckResult>(
    runChecks(record, checksFor(record.question?.type)).map((c) => [c.id, c]),
  )
  expect(checks.get('metric-defined:metrics')?.status).toBe('met')
  expect(checks.get('guardrail:metrics')).toMatchObject({
    status: 'not-met',
    evidence: [
      { kind: 'moment', at: metricsStart, label: 'Metrics section', sectionKey: 'metrics' },
    ],
  })
  expect(checks.get('clarifying-questions:clarify')).toMatchObject({
    status: 'not-met',
    detail: '1 question; 1 without an impact on the approach.',
  })
  // Segments … Prioritization were reached but left empty; every box was kept
  expect(checks.get('choice-with-reason:segments')?.status).toBe('not-met')
  expect(checks.get('time-boxes')?.status).toBe('met')
  // no call and no transcript: no numbers, only "no data"
  for (const id of ['talk-share', 'speaking-pace', 'fillers', 'monologue'])
    expect(checks.get(id)?.status).toBe('no-data')
})
