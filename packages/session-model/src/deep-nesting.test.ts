import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readSectionText, sectionFragment } from './answer-doc'
import { sectionRuns } from './section-runs'
import { fragmentToMarkdown } from './to-markdown'

// Whatever is stored must render: a 3,000-deep nesting (written before the sync server capped
// depth, or by another writer) once made the review fail with a stack overflow for good.
function nested(depth: number): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = sectionFragment(doc, 'clarify')
    for (let i = 0; i < depth; i++) {
      const child: Y.XmlElement = new Y.XmlElement(i % 2 ? 'blockquote' : 'bulletList')
      parent.insert(0, [child])
      parent = child
    }
    const p = new Y.XmlElement('paragraph')
    parent.insert(0, [p])
    p.insert(0, [new Y.XmlText('at the bottom')])
    const q = new Y.XmlElement('paragraph')
    const top = sectionFragment(doc, 'clarify')
    top.insert(top.length, [q])
    q.insert(0, [new Y.XmlText('after it')])
  })
  return doc
}

describe('deeply nested sections', () => {
  it('render as Markdown, runs and text without overflowing the stack', () => {
    const doc = nested(3000)
    const md = fragmentToMarkdown(sectionFragment(doc, 'clarify'))
    expect(md).toContain('at the bottom')
    expect(md).toContain('after it')
    expect(md.length).toBeLessThan(10_000)
    expect(sectionRuns(doc, 'clarify').flatMap((b) => b.runs.map((r) => r.text))).toEqual([
      'at the bottom',
      'after it',
    ])
    expect(readSectionText(doc, 'clarify')).toBe('at the bottom\nafter it')
  })
})
