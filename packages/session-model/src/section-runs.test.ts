import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendParagraph, sectionFragment } from './answer-doc'
import { sectionRuns } from './section-runs'

describe('sectionRuns', () => {
  it('tags each run of text with the client that wrote it, skipping deleted text', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    appendParagraph(a, 'clarify', 'Who pays?')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const text = (sectionFragment(b, 'clarify').get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(text.length, ' Merchants.')
    text.delete(0, 4) // "Who " removed by b
    expect(sectionRuns(b, 'clarify')).toEqual([
      {
        type: 'paragraph',
        runs: [
          { text: 'pays?', client: a.clientID },
          { text: ' Merchants.', client: b.clientID },
        ],
      },
    ])
  })
})
