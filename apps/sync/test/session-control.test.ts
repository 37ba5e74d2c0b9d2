import { CloseCode, encodeSyncStep1, encodeUpdate } from '@mockroom/protocol'
import {
  appendParagraph,
  chooseQuestion,
  NOTES_FRAGMENT,
  readRubric,
  readSectionText,
  readSessionState,
  setOverall,
  setRubricEntry,
} from '@mockroom/session-model'
import { getQuestion } from '@mockroom/questions'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { controlClient, roomPerTest, tokenForLink } from './control-kit'
import { provider, rawClient, token, until } from './test-kit'

const chosen = getQuestion('wechat-pay-success-metrics')
const roomQuestion = getQuestion('alipay-international-customers')
if (!chosen || !roomQuestion) throw new Error('seed questions missing from the bank')

const room = roomPerTest(roomQuestion.id)

async function open(
  doc: string,
  role: 'interviewer' | 'candidate' | 'observer',
  sessionId = 'ses1',
) {
  const c = await provider(room.server.port, doc, await token(role, sessionId))
  room.cleanups.push(c.close)
  return c
}

async function interviewerControl(sessionId = 'ses1') {
  const c = await controlClient(room.server.port, sessionId, await token('interviewer', sessionId))
  room.cleanups.push(() => c.raw.ws.close())
  return c
}

const contains = (frames: Uint8Array[], text: string) =>
  frames.some((f) => Buffer.from(f).includes(Buffer.from(text)))

describe('session control', () => {
  it('sends the candidate no byte of the unrevealed question or of private content', async () => {
    const priv = await open('ses1/private', 'interviewer')
    chooseQuestion(priv.doc, chosen.id)
    priv.doc
      .getXmlFragment(NOTES_FRAGMENT)
      .insert(0, [new Y.XmlText('candidate skipped segmentation')])
    setRubricEntry(priv.doc, 'clarify', { score: 2, comment: 'rushed the clarifying questions' })
    const answer = await open('ses1/answer', 'interviewer')
    const control = await interviewerControl()
    // the candidate's sockets, recording every frame, each asking for the full state
    const candAnswer = await rawClient(room.server.port, 'ses1/answer', await token('candidate'))
    const candControl = await rawClient(room.server.port, 'ses1/control', await token('candidate'))
    room.cleanups.push(
      () => candAnswer.ws.close(),
      () => candControl.ws.close(),
    )
    for (const c of [candAnswer, candControl]) c.ws.send(encodeSyncStep1(new Y.Doc()))
    appendParagraph(answer.doc, 'clarify', 'barrier line')
    await candAnswer.next((f) => Buffer.from(f).includes(Buffer.from('barrier line')))

    const all = () => [...candAnswer.frames, ...candControl.frames]
    for (const secret of [
      chosen.title,
      chosen.prompt,
      roomQuestion.title,
      'candidate skipped',
      'rushed the',
    ]) {
      expect(contains(all(), secret), secret).toBe(false)
    }
    // once revealed, the question reaches the candidate through the control document
    expect(await control.send({ type: 'reveal', questionId: chosen.id })).toEqual({
      id: 1,
      ok: true,
    })
    await candControl.received((f) => Buffer.from(f).includes(Buffer.from(chosen.title)))
    expect(contains(all(), 'candidate skipped')).toBe(false)
    expect(contains(all(), chosen.hints?.[0] ?? 'no hints')).toBe(false)
  })

  it('runs reveal, start, next, pause, resume and end, and everyone reads the same state', async () => {
    const control = await interviewerControl()
    const watcher = await open('ses1/control', 'observer')
    expect((await control.send({ type: 'start' })).ok).toBe(false) // nothing revealed yet
    for (const type of ['reveal', 'start', 'next', 'pause', 'resume', 'end'] as const) {
      const action = type === 'reveal' ? { type, questionId: chosen.id } : { type }
      expect(await control.send(action), type).toMatchObject({ ok: true })
    }
    await until(() => readSessionState(watcher.doc).status === 'ended', watcher.doc)
    const state = readSessionState(watcher.doc)
    expect(state.question?.title).toBe(chosen.title)
    expect(state.sections.map((s) => s.key)).toContain('north-star')
    expect(Object.keys(state.spentMs).sort()).toEqual(
      [state.sections[0]?.key, state.sections[1]?.key].sort(),
    )
    expect(await room.store.sessions.get('ses1')).toMatchObject({
      status: 'ended',
      questionId: chosen.id,
    })
    // after the end no action changes the session
    expect((await control.send({ type: 'start' })).ok).toBe(false)
  })

  it('starts a fresh answer when another question is revealed before the start', async () => {
    const control = await interviewerControl()
    const candidate = await open('ses1/answer', 'candidate')
    expect(await control.send({ type: 'reveal', questionId: roomQuestion.id })).toMatchObject({
      ok: true,
    })
    appendParagraph(candidate.doc, 'clarify', 'written for the first question')
    const watcher = await open('ses1/answer', 'observer')
    await until(() => readSectionText(watcher.doc, 'clarify') !== '', watcher.doc)
    // the same question again keeps the answer; another one empties the old sections
    expect((await control.send({ type: 'reveal', questionId: roomQuestion.id })).ok).toBe(true)
    expect(readSectionText(watcher.doc, 'clarify')).toBe('written for the first question')
    expect(await control.send({ type: 'reveal', questionId: chosen.id })).toMatchObject({
      ok: true,
    })
    for (const { doc } of [candidate, watcher])
      await until(() => readSectionText(doc, 'clarify') === '', doc)
    // the first answer stays in the stored history (the replay shows it)
    const history = await room.store.updates.listUpdates('ses1/answer')
    expect(history.some((u) => Buffer.from(u.data).includes('written for the first'))).toBe(true)
  })

  it('refuses control requests from candidates and observers', async () => {
    for (const role of ['candidate', 'observer'] as const) {
      const c = await controlClient(room.server.port, 'ses1', await token(role))
      void c.send({ type: 'start' }) // no result comes: the socket is closed
      expect((await c.raw.closed).code).toBe(CloseCode.forbidden)
    }
  })

  it('refuses writes from every role after the end', async () => {
    const cand = await open('ses1/answer', 'candidate')
    appendParagraph(cand.doc, 'clarify', 'before the end')
    const control = await interviewerControl()
    const watcher = await open('ses1/answer', 'observer')
    await until(() => readSectionText(watcher.doc, 'clarify') === 'before the end', watcher.doc)
    expect((await control.send({ type: 'end' })).ok).toBe(true)
    for (const [doc, role] of [
      ['ses1/answer', 'candidate'],
      ['ses1/answer', 'interviewer'],
    ] as const) {
      const raw = await rawClient(room.server.port, doc, await token(role))
      room.cleanups.push(() => raw.ws.close())
      const late = new Y.Doc()
      appendParagraph(late, 'clarify', `late write by ${role}`)
      raw.ws.send(encodeUpdate(Y.encodeStateAsUpdate(late)))
      raw.ws.send(encodeSyncStep1(new Y.Doc())) // barrier: answered after the update was handled
      const reply = await raw.next((f) => f[0] === 0 && f[1] === 1)
      expect(Buffer.from(reply).includes(Buffer.from('late write'))).toBe(false)
    }
    const rows = [
      ...(await room.store.updates.listUpdates('ses1/answer')),
      ...(await room.store.updates.listUpdates('ses1/private')),
    ]
    expect(rows.some((r) => Buffer.from(r.data).includes(Buffer.from('late write')))).toBe(false)
  })

  it('keeps notes and rubric editable by the interviewer after the end until finalized', async () => {
    const control = await interviewerControl()
    const { doc: watcherDoc } = await open('ses1/control', 'observer')
    expect((await control.send({ type: 'end' })).ok).toBe(true)
    const late = async (text: string) => {
      const raw = await rawClient(room.server.port, 'ses1/private', await token('interviewer'))
      const d = new Y.Doc()
      setRubricEntry(d, 'clarify', { score: 4, comment: text })
      raw.ws.send(encodeUpdate(Y.encodeStateAsUpdate(d)))
      raw.ws.send(encodeSyncStep1(new Y.Doc())) // barrier: answered after the update was handled
      await raw.next((f) => f[0] === 0 && f[1] === 1)
      raw.ws.close()
      await raw.closed
    }
    const stored = async () =>
      (await room.store.updates.listUpdates('ses1/private')).map((r) => Buffer.from(r.data))
    await late('scored after the end')
    expect((await stored()).some((b) => b.includes('scored after the end'))).toBe(true)
    // a candidate still cannot open the private document at all
    const cand = await rawClient(room.server.port, 'ses1/private', await token('candidate'))
    expect((await cand.closed).code).toBe(CloseCode.forbidden)

    expect(await control.send({ type: 'finalize-feedback' })).toMatchObject({ ok: true })
    await until(() => readSessionState(watcherDoc).feedbackFinalAt !== null, watcherDoc)
    // the document was unloaded after each write: the lock comes from the stored control state
    await late('changed after finalize')
    expect((await stored()).some((b) => b.includes('changed after finalize'))).toBe(false)
  })

  it('shares the rubric with candidate and observers, the notes only with whom was chosen', async () => {
    const priv = await open('ses1/private', 'interviewer')
    setRubricEntry(priv.doc, 'clarify', { score: 3, comment: 'good scoping' })
    setOverall(priv.doc, { recommendation: 'yes', comment: 'clear thinker' })
    priv.doc.getXmlFragment(NOTES_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')])
    ;(priv.doc.getXmlFragment(NOTES_FRAGMENT).get(0) as Y.XmlElement).insert(0, [
      new Y.XmlText('watch the time'),
    ])
    const control = await interviewerControl()
    const cand = await open('ses1/control', 'candidate')
    const obs = await rawClient(room.server.port, 'ses1/control', await token('observer'))
    room.cleanups.push(() => obs.ws.close())
    // barrier: a second interviewer connection sees the edits, so the server has applied them
    const mirror = await open('ses1/private', 'interviewer')
    await until(() => readRubric(mirror.doc).overall.comment === 'clear thinker', mirror.doc)
    expect((await control.send({ type: 'share-feedback', includeNotes: true })).ok).toBe(false) // not ended
    expect(readSessionState(cand.doc).sharedFeedback).toBeNull()
    await control.send({ type: 'end' })
    expect(await control.send({ type: 'share-feedback', includeNotes: true })).toMatchObject({
      ok: true,
    })
    await until(() => readSessionState(cand.doc).sharedFeedback !== null, cand.doc)
    // notes for the candidate alone never travel in the control document, which observers read
    expect(readSessionState(cand.doc)).toMatchObject({
      sharedFeedback: {
        rubric: { clarify: { score: 3, comment: 'good scoping' } },
        overall: { recommendation: 'yes', comment: 'clear thinker' },
        notes: null,
        notesTo: 'candidate',
      },
    })
    expect(readSessionState(cand.doc).feedbackFinalAt).not.toBeNull()
    await obs.received((f) => Buffer.from(f).includes(Buffer.from('good scoping')))
    expect(contains(obs.frames, 'watch the time')).toBe(false)
    // a separate choice gives the observers the notes too
    await control.send({ type: 'share-feedback', includeNotes: true, notesToObservers: true })
    await obs.received((f) => Buffer.from(f).includes(Buffer.from('watch the time')))
  })

  it('refuses to share feedback without an overall recommendation, and shares nothing', async () => {
    const priv = await open('ses1/private', 'interviewer')
    setRubricEntry(priv.doc, 'clarify', { score: 3, comment: 'good scoping' })
    const control = await interviewerControl()
    const cand = await open('ses1/control', 'candidate')
    // barrier: a second interviewer connection sees the score, so the server has applied it
    const mirror = await open('ses1/private', 'interviewer')
    await until(() => readRubric(mirror.doc).sections.clarify?.score === 3, mirror.doc)
    await control.send({ type: 'end' })
    expect(await control.send({ type: 'share-feedback', includeNotes: false })).toMatchObject({
      ok: false,
      error: 'Choose an overall recommendation before sharing the feedback.',
    })
    expect(readSessionState(cand.doc).sharedFeedback).toBeNull()
    // the private document stays writable: the interviewer can still add the recommendation
    setOverall(priv.doc, { recommendation: 'no', comment: '' })
    await until(() => readRubric(mirror.doc).overall.recommendation === 'no', mirror.doc)
    expect((await control.send({ type: 'share-feedback', includeNotes: false })).ok).toBe(true)
    await until(() => readSessionState(cand.doc).sharedFeedback !== null, cand.doc)
  })

  it('swaps the permissions in the next round', async () => {
    const control = await interviewerControl()
    const watcher = await open('ses1/control', 'candidate')
    expect(await control.send({ type: 'next-round', questionId: chosen.id })).toMatchObject({
      ok: true,
    })
    await until(() => readSessionState(watcher.doc).nextRound !== null, watcher.doc)
    const next = readSessionState(watcher.doc).nextRound
    expect(next?.round).toBe(2)
    // the former candidate is now the interviewer of round 2, and the other way round
    const formerCandidate = await tokenForLink(room.store, 'candidate')
    const formerInterviewer = await tokenForLink(room.store, 'interviewer')
    expect(formerCandidate).toMatchObject({ role: 'interviewer', sessionId: next?.sessionId })
    const priv = await provider(
      room.server.port,
      `${next?.sessionId}/private`,
      formerCandidate.token,
    )
    room.cleanups.push(priv.close)
    expect(priv.p.synced).toBe(true)
    const refused = await rawClient(
      room.server.port,
      `${next?.sessionId}/private`,
      formerInterviewer.token,
    )
    expect((await refused.closed).code).toBe(CloseCode.forbidden)
    // round 1 is over: its answer takes no more writes
    expect(await room.store.sessions.get('ses1')).toMatchObject({ status: 'ended' })
  })

  it('disconnects a removed participant and keeps them out', async () => {
    const control = await interviewerControl()
    const observer = await rawClient(room.server.port, 'ses1/answer', await token('observer'))
    expect(await control.send({ type: 'remove', participantId: 'observer-1' })).toMatchObject({
      ok: true,
    })
    expect((await observer.closed).code).toBe(CloseCode.removed)
    const again = await rawClient(room.server.port, 'ses1/control', await token('observer'))
    expect((await again.closed).code).toBe(CloseCode.removed)
    expect((await control.send({ type: 'remove', participantId: 'interviewer-1' })).ok).toBe(false)
    expect((await control.send({ type: 'remove', participantId: 'nobody' })).ok).toBe(false)
  })
})
