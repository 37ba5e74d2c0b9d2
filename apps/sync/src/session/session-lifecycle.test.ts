import { readSessionState } from '@mockroom/session-model'
import {
  answerDocName,
  controlDocName,
  privateDocName,
  type ControlAction,
} from '@mockroom/protocol'
import { getQuestion } from '@mockroom/questions'
import type { Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedRoom } from '../../test/control-kit'
import { LiveDoc, type DocMember } from '../core/live-doc'
import { fakeSocket } from '../../test/fake-socket'
import { prepareDoc } from './prepare-doc'
import { sessionDocs } from './session-docs'
import { LiveDocRegistry } from '../core/live-doc-registry'
import { sessionController } from './session-controller'
import { rowProjector, type Projector } from './session-lifecycle'
import { logger, tempDataDir } from '../../test/test-kit'

const question = getQuestion('alipay-international-customers')
if (!question) throw new Error('seed question missing from the bank')

let store: Store
const registries: LiveDocRegistry[] = []

beforeEach(async () => {
  store = await seedRoom(tempDataDir(), question.id)
})
afterEach(async () => {
  for (const r of registries.splice(0)) await r.closeAll(1001, 'test over')
  await store.close()
})

// A sync server's live documents as sync-server.ts builds them, without sockets: a new registry
// is a restarted process.
function server(project?: Projector) {
  const registry = new LiveDocRegistry(async (name, drop) => {
    const live = await LiveDoc.load(name, store, logger, drop)
    await prepareDoc(live, store)
    return live
  }, logger)
  registries.push(registry)
  const control = sessionController({
    store,
    project,
    docs: sessionDocs(registry),
  })
  const member: DocMember = {
    socket: fakeSocket(),
    clientIds: [],
    context: {
      participantId: 'interviewer-1',
      name: 'Ivy',
      role: 'interviewer',
      sessionId: 'ses1',
      kind: 'control',
      readOnly: false,
    },
  }
  let id = 0
  const send = async (action: ControlAction) =>
    control(await registry.open(controlDocName('ses1')), member, { id: ++id, action })
  return { registry, send }
}

// Fails the second step (row written, control document not) when `failing` is set.
function flakyProjector(): { project: Projector; fail: (on: boolean) => void } {
  const real = rowProjector(store)
  let failing = false
  return {
    project: async (control, author, now) => {
      if (failing) throw new Error('crashed between the row and the control document')
      return real(control, author, now)
    },
    fail: (on) => (failing = on),
  }
}

async function controlState(registry: LiveDocRegistry) {
  return registry.use(controlDocName('ses1'), (r) => readSessionState(r.doc))
}

describe('session lifecycle', () => {
  it('writes the row first; a lost projection of the end is repaired on the next load', async () => {
    const flaky = flakyProjector()
    const first = server(flaky.project)
    expect(await first.send({ type: 'reveal', questionId: question.id })).toMatchObject({
      ok: true,
    })
    expect(await first.send({ type: 'start' })).toMatchObject({ ok: true })
    const answer = await first.registry.open(answerDocName('ses1'))
    expect((await controlState(first.registry)).status).toBe('live')

    flaky.fail(true)
    await expect(first.send({ type: 'end' })).rejects.toThrow('crashed')
    const row = await store.sessions.get('ses1')
    expect(row).toMatchObject({ status: 'ended' })
    // the row stands and the lock still follows it; the control document lags behind
    expect(answer.locked).toBe(true)
    expect((await controlState(first.registry)).status).toBe('live')
    first.registry.release(answer)
    await first.registry.closeAll(1001, 'crash')

    const second = server()
    const repaired = await controlState(second.registry)
    expect(repaired).toMatchObject({ status: 'ended', endedAt: row?.endedAt, timer: null })
    expect(repaired.question?.id).toBe(question.id)
    const answerAgain = await second.registry.open(answerDocName('ses1'))
    expect(answerAgain.locked).toBe(true)
    second.registry.release(answerAgain)
    // a document that agrees with its row is left alone: loading again stores nothing
    await second.registry.closeAll(1001, 'restart')
    const before = (await store.updates.loadDoc(controlDocName('ses1'))).lastId
    await controlState(server().registry)
    expect((await store.updates.loadDoc(controlDocName('ses1'))).lastId).toBe(before)
  })

  it('repairs a lost next-round announcement and locks the private document', async () => {
    const flaky = flakyProjector()
    const first = server(flaky.project)
    await first.send({ type: 'reveal', questionId: question.id })
    await first.send({ type: 'start' })
    flaky.fail(true)
    await expect(first.send({ type: 'next-round', questionId: question.id })).rejects.toThrow()
    await first.registry.closeAll(1001, 'crash')
    const next = (await store.sessions.listForRoom('room1')).find((s) => s.round === 2)
    expect(next).toBeDefined()

    const second = server()
    const repaired = await controlState(second.registry)
    expect(repaired).toMatchObject({
      status: 'ended',
      nextRound: { sessionId: next?.id, round: 2 },
    })
    expect(repaired.feedbackFinalAt).not.toBeNull()
    const notes = await second.registry.open(privateDocName('ses1'))
    expect(notes.locked).toBe(true)
    second.registry.release(notes)
  })

  it('checks each change against the row, not the control document', async () => {
    const { send } = server()
    expect(await send({ type: 'start' })).toMatchObject({
      ok: false,
      error: 'reveal a question first',
    })
    await send({ type: 'reveal', questionId: question.id })
    await send({ type: 'start' })
    expect(await send({ type: 'start' })).toMatchObject({
      ok: false,
      error: 'the interview has already started',
    })
    await send({ type: 'end' })
    expect(await send({ type: 'end' })).toMatchObject({
      ok: false,
      error: 'the interview has ended',
    })
    expect(await send({ type: 'next-round', questionId: question.id })).toMatchObject({ ok: true })
    expect(await send({ type: 'next-round', questionId: question.id })).toMatchObject({
      ok: false,
      error: 'the next round has already started',
    })
  })
})
