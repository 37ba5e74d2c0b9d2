import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendParagraph, readSectionText, sectionFragmentName } from './answer-doc'

describe('sections', () => {
  it('keeps each section in its own fragment and reads it back as text', () => {
    const doc = new Y.Doc()
    appendParagraph(doc, 'clarify', 'Who are the users?')
    appendParagraph(doc, 'clarify', 'Which market?')
    appendParagraph(doc, 'metrics', 'Weekly active payers')
    expect(readSectionText(doc, 'clarify')).toBe('Who are the users?\nWhich market?')
    expect(readSectionText(doc, 'metrics')).toBe('Weekly active payers')
    expect(doc.share.has(sectionFragmentName('segments'))).toBe(false)
  })
})
