import * as Y from 'yjs'

// Each template section is its own XmlFragment so that each Tiptap editor binds to one of them.
export function sectionFragmentName(sectionKey: string): string {
  return `section:${sectionKey}`
}

export function sectionFragment(doc: Y.Doc, sectionKey: string): Y.XmlFragment {
  return doc.getXmlFragment(sectionFragmentName(sectionKey))
}

function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    const delta = node.toDelta() as Array<{ insert?: unknown }>
    return delta.map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('')
  }
  if (node instanceof Y.XmlElement) return node.toArray().map(textOf).join('')
  return ''
}

// Plain text of a section: one line per block (paragraph, list item, heading).
export function readSectionText(doc: Y.Doc, sectionKey: string): string {
  return sectionFragment(doc, sectionKey)
    .toArray()
    .map((block) => textOf(block))
    .join('\n')
}

// Appends a paragraph in the shape Tiptap's Collaboration extension writes (y-prosemirror).
export function appendParagraph(doc: Y.Doc, sectionKey: string, text: string): void {
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  const fragment = sectionFragment(doc, sectionKey)
  fragment.insert(fragment.length, [paragraph])
}
