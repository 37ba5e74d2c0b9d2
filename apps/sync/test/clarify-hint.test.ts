import { CloseCode } from '@mockroom/protocol'
import {
  addClarifyRow,
  clarifyFieldText,
  findClarifyRow,
  readClarifyRows,
} from '@mockroom/session-model'
import { getQuestion } from '@mockroom/questions'
import { describe, expect, it } from 'vitest'
import { controlClient, roomPerTest } from './control-kit'
import { provider, token, until } from './test-kit'

const question = getQuestion('alipay-international-customers')
const hints = question?.hints ?? []
if (!question || hints.length < 2) throw new Error('seed question with two hints missing')

const room = roomPerTest(question.id)

async function open(role: 'interviewer' | 'candidate' | 'observer') {
  const c = await provider(room.server.port, 'ses1/answer', await token(role))
  room.cleanups.push(c.close)
  return c
}

async function control(role: 'interviewer' | 'candidate' = 'interviewer') {
  const c = await controlClient(room.server.port, 'ses1', await token(role))
  room.cleanups.push(() => c.raw.ws.close())
  return c
}

describe('clarifying rows on the sync server', () => {
  it('relays and stores rows, and writes exactly the chosen hint as a row answer', async () => {
    const ivy = await control()
    expect((await ivy.send({ type: 'reveal', questionId: question.id })).ok).toBe(true)
    const cody = await open('candidate')
    const watcher = await open('observer')
    const id = addClarifyRow(cody.doc)
    const row = findClarifyRow(cody.doc, id)
    if (!row) throw new Error('row not added')
    clarifyFieldText(row, 'question')?.insert(0, 'Which markets?')
    await until(() => readClarifyRows(watcher.doc)[0]?.question === 'Which markets?', watcher.doc)

    expect(await ivy.send({ type: 'answer-clarify-row', rowId: id, hintIndex: 1 })).toEqual({
      id: 2,
      ok: true,
    })
    await until(() => readClarifyRows(cody.doc)[0]?.answeredFromHint === 1, cody.doc)
    expect(readClarifyRows(cody.doc)[0]?.answer).toBe(hints[1])
    // the other hints never reach the answer document
    const stored = await room.store.updates.listUpdates('ses1/answer')
    const bytes = Buffer.concat(stored.map((u) => Buffer.from(u.data)))
    expect(bytes.includes(Buffer.from(hints[1] as string))).toBe(true)
    expect(bytes.includes(Buffer.from(hints[0] as string))).toBe(false)
    expect(stored.at(-1)?.author).toBe('interviewer-1')
  })

  it('refuses unknown rows and hints, the candidate, and any answer after the end', async () => {
    const ivy = await control()
    const cody = await open('candidate')
    const id = addClarifyRow(cody.doc)
    const answerIt = (rowId: string, hintIndex: number) =>
      ivy.send({ type: 'answer-clarify-row', rowId, hintIndex })
    expect(await answerIt(id, 0)).toMatchObject({ ok: false, error: 'reveal a question first' })
    expect((await ivy.send({ type: 'reveal', questionId: question.id })).ok).toBe(true)
    const watcher = await open('observer')
    await until(() => findClarifyRow(watcher.doc, id) !== null, watcher.doc)
    expect(await answerIt(id, 99)).toMatchObject({ ok: false })
    expect(await answerIt('no-such-row', 0)).toMatchObject({ ok: false })
    expect((await ivy.send({ type: 'end' })).ok).toBe(true)
    expect(await answerIt(id, 0)).toMatchObject({ ok: false, error: 'the interview has ended' })
    expect(readClarifyRows(cody.doc)[0]?.answer).toBe('')

    const candidate = await control('candidate')
    void candidate.send({ type: 'answer-clarify-row', rowId: id, hintIndex: 0 })
    expect((await candidate.raw.closed).code).toBe(CloseCode.forbidden)
  })
})
