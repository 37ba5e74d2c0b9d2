import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  appendParagraph,
  clearSections,
  readSectionText,
  sectionFragment,
  sectionFragmentName,
} from './answer-doc'

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

  it('empties a section to exactly one empty paragraph, leaving untouched sections alone', () => {
    const doc = new Y.Doc()
    appendParagraph(doc, 'clarify', 'Who are the users?')
    appendParagraph(doc, 'clarify', 'Which market?')
    clearSections(doc, ['clarify', 'metrics'])
    expect(readSectionText(doc, 'clarify')).toBe('')
    expect(
      sectionFragment(doc, 'clarify')
        .toArray()
        .map((n) => (n as Y.XmlElement).nodeName),
    ).toEqual(['paragraph'])
    // a section nobody wrote in stays empty: no editor has claimed it yet
    expect(sectionFragment(doc, 'metrics').length).toBe(0)
  })
})
