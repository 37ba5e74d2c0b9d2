import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readSectionText } from './answer-doc'
import {
  addClarifyRow,
  answerClarifyRow,
  clarifyFieldText,
  clarifyRowsOf,
  findClarifyRow,
  readClarifyRows,
  removeClarifyRow,
} from './clarify-rows'

const type = (
  doc: Y.Doc,
  rowId: string,
  field: 'question' | 'why' | 'answer' | 'impact',
  s: string,
) => {
  const row = findClarifyRow(doc, rowId)
  const text = row && clarifyFieldText(row, field)
  if (!text) throw new Error(`no ${field} in ${rowId}`)
  text.insert(text.length, s)
}

// Two peers exchanging every update, as the sync server relays them.
function pair() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on(
    'update',
    (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'),
  )
  b.on(
    'update',
    (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'),
  )
  return { a, b }
}

describe('clarify rows', () => {
  it('adds rows in order, after a given row, with four empty fields', () => {
    const doc = new Y.Doc()
    const first = addClarifyRow(doc)
    const last = addClarifyRow(doc)
    const middle = addClarifyRow(doc, first)
    expect(new Set([first, middle, last]).size).toBe(3)
    expect(readClarifyRows(doc).map((r) => r.id)).toEqual([first, middle, last])
    expect(readClarifyRows(doc)[0]).toEqual({
      id: first,
      question: '',
      why: '',
      answer: '',
      impact: '',
      answeredFromHint: null,
    })
    removeClarifyRow(doc, middle)
    expect(readClarifyRows(doc).map((r) => r.id)).toEqual([first, last])
  })

  it('merges two people typing into the same row at once', () => {
    const { a, b } = pair()
    const id = addClarifyRow(a)
    // offline at the same moment: both edit before seeing the other's edit
    const aEdits: Uint8Array[] = []
    const bEdits: Uint8Array[] = []
    const ta = new Y.Doc()
    const tb = new Y.Doc()
    Y.applyUpdate(ta, Y.encodeStateAsUpdate(a))
    Y.applyUpdate(tb, Y.encodeStateAsUpdate(b))
    ta.on('update', (u: Uint8Array) => aEdits.push(u))
    tb.on('update', (u: Uint8Array) => bEdits.push(u))
    type(ta, id, 'question', 'Which market?')
    type(tb, id, 'impact', 'Narrows the segments')
    type(tb, id, 'question', ' And platform?')
    for (const u of [...aEdits, ...bEdits]) Y.applyUpdate(a, u)
    const [row] = readClarifyRows(a)
    expect(row?.impact).toBe('Narrows the segments')
    expect(row?.question).toContain('Which market?')
    expect(row?.question).toContain(' And platform?')
    expect(readClarifyRows(b)).toEqual(readClarifyRows(a))
  })

  it('answers a row from a hint: exactly the hint text, and which hint', () => {
    const { a, b } = pair()
    const id = addClarifyRow(b)
    type(b, id, 'answer', 'my guess')
    expect(answerClarifyRow(a, id, 1, 'Assume China only.')).toBe(true)
    expect(readClarifyRows(b)[0]).toMatchObject({
      answer: 'Assume China only.',
      answeredFromHint: 1,
    })
    expect(answerClarifyRow(a, 'no-such-row', 0, 'x')).toBe(false)
  })

  it('counts rows as the section text and ignores malformed entries', () => {
    const doc = new Y.Doc()
    const id = addClarifyRow(doc)
    type(doc, id, 'question', 'Goal?')
    type(doc, id, 'answer', 'Growth')
    clarifyRowsOf(doc).push(['a string', new Y.Map()])
    doc.getXmlFragment('section:clarify').insert(0, [new Y.XmlText('prose')])
    expect(readClarifyRows(doc)).toHaveLength(1)
    expect(readSectionText(doc, 'clarify')).toBe('Goal? — Growth\nprose')
    expect(readSectionText(doc, 'segments')).toBe('')
  })
})
