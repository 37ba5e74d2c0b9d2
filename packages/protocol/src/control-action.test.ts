import { describe, expect, it } from 'vitest'
import { controlActionSchema, controlRequestSchema } from './control-action'

describe('control actions', () => {
  it('accepts every action the browser sends', () => {
    const actions = [
      { type: 'reveal', questionId: 'q' },
      { type: 'start' },
      { type: 'next' },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'end' },
      { type: 'feedback', sectionKey: 'clarify', text: 'good' },
      { type: 'share-feedback', includeNotes: true, notesToObservers: false },
      { type: 'finalize-feedback' },
      { type: 'next-round', questionId: 'q' },
      { type: 'remove', participantId: 'p' },
      { type: 'transcript', startMs: 1, endMs: 2, text: 'hi' },
      { type: 'talk', startMs: 1, endMs: 2 },
      { type: 'note', text: 'n' },
      { type: 'answer-clarify-row', rowId: 'r1', hintIndex: 0 },
    ]
    for (const action of actions) expect(controlActionSchema.parse(action)).toEqual(action)
  })

  it('refuses unknown actions, missing fields and oversized text', () => {
    for (const bad of [
      { type: 'explode' },
      { type: 'reveal' },
      { type: 'note', text: '   ' },
      { type: 'note', text: 'x'.repeat(2001) },
      { type: 'talk', startMs: Infinity, endMs: 2 },
      { type: 'answer-clarify-row', rowId: 'r1', hintIndex: -1 },
      { type: 'answer-clarify-row', rowId: 'r1', hintIndex: 0.5 },
      { type: 'answer-clarify-row', rowId: '', hintIndex: 0 },
    ]) {
      expect(controlActionSchema.safeParse(bad).success).toBe(false)
    }
    expect(controlRequestSchema.safeParse({ id: 1.5, action: { type: 'start' } }).success).toBe(
      false,
    )
  })

  it('trims spoken text', () => {
    expect(controlActionSchema.parse({ type: 'note', text: '  hi  ' })).toEqual({
      type: 'note',
      text: 'hi',
    })
  })
})
