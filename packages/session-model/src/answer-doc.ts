import * as Y from 'yjs'
import { clarifyRowsText } from './clarify-export'
import { CLARIFY_SECTION, readClarifyRows } from './clarify-rows'

// Each template section is its own XmlFragment so that each Tiptap editor binds to one of them.
export function sectionFragmentName(sectionKey: string): string {
  return `section:${sectionKey}`
}

export function sectionFragment(doc: Y.Doc, sectionKey: string): Y.XmlFragment {
  return doc.getXmlFragment(sectionFragmentName(sectionKey))
}

function xmlTextOf(node: Y.XmlText): string {
  const delta = node.toDelta() as Array<{ insert?: unknown }>
  return delta.map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('')
}

// All text under a node, in order, without recursion (stored nesting may be arbitrarily deep).
export function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  const parts: string[] = []
  const stack: Array<Y.XmlElement | Y.XmlText | Y.XmlHook> = [node]
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (n instanceof Y.XmlText) parts.push(xmlTextOf(n))
    else if (n instanceof Y.XmlElement) stack.push(...n.toArray().reverse())
  }
  return parts.join('')
}

// Plain text of a section: one line per block (paragraph, list item, heading); Clarify's rows
// come first, one line each, so they count like any other text.
export function readSectionText(doc: Y.Doc, sectionKey: string): string {
  const prose = sectionFragment(doc, sectionKey)
    .toArray()
    .map((block) => textOf(block))
    .join('\n')
  if (sectionKey !== CLARIFY_SECTION) return prose
  const rows = clarifyRowsText(readClarifyRows(doc))
  return rows && prose ? `${rows}\n${prose}` : rows || prose
}

// Appends a paragraph in the shape Tiptap's Collaboration extension writes (y-prosemirror).
export function appendParagraph(doc: Y.Doc, sectionKey: string, text: string): void {
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  const fragment = sectionFragment(doc, sectionKey)
  fragment.insert(fragment.length, [paragraph])
}

/**
 * Empties the given sections (a new question after a switch starts a fresh answer). The deleted
 * text stays in the document's update history, so the replay still shows the earlier answer.
 */
export function clearSections(doc: Y.Doc, sectionKeys: readonly string[]): void {
  doc.transact(() => {
    for (const key of sectionKeys) {
      const fragment = sectionFragment(doc, key)
      if (fragment.length === 0) continue
      fragment.delete(0, fragment.length)
      // one empty paragraph, as an editor needs: left empty, every open editor added its own
      fragment.insert(0, [new Y.XmlElement('paragraph')])
    }
  })
}
