import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { fragmentToMarkdown } from './to-markdown'

function el(
  name: string,
  kids: Array<Y.XmlElement | Y.XmlText>,
  attrs: Record<string, string> = {},
) {
  const e = new Y.XmlElement(name)
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v)
  e.insert(0, kids)
  return e
}

describe('fragmentToMarkdown', () => {
  it('writes paragraphs, marks, headings, lists and quotes', () => {
    const doc = new Y.Doc()
    const f = doc.getXmlFragment('section:clarify')
    const rich = new Y.XmlText()
    f.insert(0, [
      el('heading', [new Y.XmlText('Goal')], { level: '2' }),
      el('paragraph', [rich]),
      el('bulletList', [
        el('listItem', [el('paragraph', [new Y.XmlText('tourists')])]),
        el('listItem', [el('paragraph', [new Y.XmlText('expats')])]),
      ]),
      el('orderedList', [el('listItem', [el('paragraph', [new Y.XmlText('first')])])]),
      el('blockquote', [el('paragraph', [new Y.XmlText('quoted')])]),
      el('paragraph', []),
    ])
    rich.insert(0, 'Grow ')
    rich.insert(5, 'payments', { bold: true })
    rich.insert(13, ' abroad', {})
    expect(fragmentToMarkdown(f)).toBe(
      [
        '#### Goal',
        'Grow **payments** abroad',
        '- tourists\n- expats',
        '1. first',
        '> quoted',
      ].join('\n\n'),
    )
  })

  it('is empty for an empty section', () => {
    expect(fragmentToMarkdown(new Y.Doc().getXmlFragment('x'))).toBe('')
  })
})
