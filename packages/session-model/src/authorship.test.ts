import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendParagraph } from './answer-doc'
import { sectionAuthorship } from './authorship'

describe('section authorship', () => {
  it('counts the final characters of each section by author', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    appendParagraph(a, 'clarify', 'abcdef')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    appendParagraph(b, 'clarify', 'xy')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    const authors = new Map([
      [a.clientID, 'ann'],
      [b.clientID, 'bob'],
    ])
    expect(sectionAuthorship(a, ['clarify', 'metrics'], authors)).toEqual({
      clarify: [
        { author: 'ann', chars: 6 },
        { author: 'bob', chars: 2 },
      ],
      metrics: [],
    })
  })
})
