import { describe, expect, it } from 'vitest'
import { answerDocName, controlDocName, parseDocName, privateDocName } from './doc-name'

describe('document names', () => {
  it('round-trips every kind', () => {
    expect(parseDocName(answerDocName('abc_1'))).toEqual({ sessionId: 'abc_1', kind: 'answer' })
    expect(parseDocName(privateDocName('abc_1'))).toEqual({ sessionId: 'abc_1', kind: 'private' })
    expect(parseDocName(controlDocName('abc_1'))).toEqual({ sessionId: 'abc_1', kind: 'control' })
  })
  it('rejects other shapes', () => {
    for (const bad of ['abc', 'abc/notes', '../x/answer', 'a/b/answer', '/answer', 'a b/answer']) {
      expect(parseDocName(bad)).toBeNull()
    }
  })
})
