import { addClarifyRow, readClarifyRows, readSessionState } from '@mockroom/session-model'
import { draftFromQuestion, questions, type QuestionDraft } from '@mockroom/questions'
import { describe, expect, it } from 'vitest'
import { controlClient, roomPerTest } from './control-kit'
import { provider, token, until } from './test-kit'

// A coach's question version (qv-…) in a live room: the sync server resolves it from the store,
// projects its own sections, answers hints from it, and never puts a hint where others read.
const SECRET = 'Coach-only hint: retention fell 12%.'
const draft: QuestionDraft = {
  ...draftFromQuestion(questions[0]!),
  title: 'Coach question',
  hints: [SECRET],
  sections: [
    {
      key: 'clarify',
      title: 'Ask first',
      minutes: 3,
      prompt: 'Ask.',
      rubric: 'r',
      coverage: ['c'],
    },
    { key: 'plan', title: 'Plan', minutes: 7, prompt: 'Plan it.', rubric: '', coverage: [] },
  ],
}
const versionId = 'qv-0123456789abcdef01234567'
const SAME_SET = 'qv-ffffffffffffffffffffffff'
const OTHER_SET = 'qv-eeeeeeeeeeeeeeeeeeeeeeee'

const room = roomPerTest(versionId, {
  seed: async (store) => {
    await store.questionSets.createSet({
      id: 'set1',
      title: 'S',
      editHash: 'e',
      shareHash: 's',
      sealedShare: 'x',
      now: 1,
    })
    await store.questionSets.addQuestion(
      'set1',
      { questionId: 'sq1', versionId, slug: 'coach', data: JSON.stringify(draft) },
      1,
      10,
    )
    await store.questionSets.addQuestion(
      'set1',
      {
        questionId: 'sq2',
        versionId: SAME_SET,
        slug: 'other',
        data: JSON.stringify(draft),
      },
      1,
      10,
    )
    // another coach's set: never revealed in this room
    await store.questionSets.createSet({
      id: 'set2',
      title: 'Other coach',
      editHash: 'e2',
      shareHash: 's2',
      sealedShare: 'x',
      now: 1,
    })
    await store.questionSets.addQuestion(
      'set2',
      { questionId: 'sq3', versionId: OTHER_SET, slug: 'theirs', data: JSON.stringify(draft) },
      1,
      10,
    )
  },
})

describe("a coach's question on the sync server", () => {
  it("reveals its own sections, answers from its hints, and switches only within the room's set", async () => {
    const ivy = await controlClient(room.server.port, 'ses1', await token('interviewer'))
    room.cleanups.push(() => ivy.raw.ws.close())
    for (const questionId of [OTHER_SET, 'qv-dddddddddddddddddddddddd'])
      expect(await ivy.send({ type: 'reveal', questionId }), questionId).toMatchObject({
        ok: false,
        error: 'unknown question',
      })
    // another question of the set the room was made from
    expect((await ivy.send({ type: 'reveal', questionId: SAME_SET })).ok).toBe(true)
    expect((await ivy.send({ type: 'reveal', questionId: versionId })).ok).toBe(true)

    const control = await provider(room.server.port, 'ses1/control', await token('candidate'))
    room.cleanups.push(control.close)
    await until(() => readSessionState(control.doc).question !== null, control.doc)
    const state = readSessionState(control.doc)
    expect(state.question?.title).toBe('Coach question')
    expect(state.sections.map((s) => s.title)).toEqual(['Ask first', 'Plan'])
    expect(JSON.stringify(control.doc.toJSON())).not.toContain(SECRET)

    const cody = await provider(room.server.port, 'ses1/answer', await token('candidate'))
    room.cleanups.push(cody.close)
    const id = addClarifyRow(cody.doc)
    expect(await ivy.send({ type: 'answer-clarify-row', rowId: id, hintIndex: 0 })).toMatchObject({
      ok: true,
    })
    await until(() => readClarifyRows(cody.doc)[0]?.answeredFromHint === 0, cody.doc)
    expect(readClarifyRows(cody.doc)[0]?.answer).toBe(SECRET)
  })
})
