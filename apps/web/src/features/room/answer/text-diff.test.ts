import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyTextDiff, shiftPosition, textDiff } from './text-diff'

describe('text field binding', () => {
  it('finds the one edit between two values', () => {
    expect(textDiff('abc', 'abXc')).toEqual({ index: 2, remove: 0, insert: 'X' })
    expect(textDiff('abc', 'ac')).toEqual({ index: 1, remove: 1, insert: '' })
    expect(textDiff('aaa', 'aa')).toEqual({ index: 2, remove: 1, insert: '' })
    expect(textDiff('hello world', 'hello there')).toEqual({ index: 6, remove: 5, insert: 'there' })
    expect(textDiff('same', 'same')).toEqual({ index: 4, remove: 0, insert: '' })
  })

  it('keeps a peer’s concurrent edit when writing a field value as a diff', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.getText('t').insert(0, 'Which market?')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const sv = Y.encodeStateVector(b)
    applyTextDiff(a.getText('t'), 'Which market first?', 'local')
    b.getText('t').insert(0, 'Q: ')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, sv))
    expect(a.getText('t').toJSON()).toBe('Q: Which market first?')
  })

  it('moves a caret past text inserted or deleted before it, not after it', () => {
    expect(shiftPosition([{ insert: 'ab' }], 3)).toBe(5)
    expect(shiftPosition([{ retain: 5 }, { insert: 'ab' }], 3)).toBe(3)
    expect(shiftPosition([{ retain: 1 }, { delete: 1 }], 3)).toBe(2)
    expect(shiftPosition([{ retain: 1 }, { delete: 5 }], 3)).toBe(1)
    expect(shiftPosition([{ retain: 3 }, { insert: 'x' }], 3)).toBe(3)
    expect(shiftPosition([{ delete: 2 }, { insert: 'xyz' }], 4)).toBe(5)
  })
})
