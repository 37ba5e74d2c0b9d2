import {
  addClarifyRow,
  answerClarifyRow,
  appendParagraph,
  clarifyFieldText,
  findClarifyRow,
  removeClarifyRow,
  sectionFragment,
} from '@mockroom/session-model'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deletionUpdate, nestedDoc, pendingUpdates } from '../../test/attack-kit'
import { validateUpdate } from './validate-update'

const rules = { maxDepth: 64, maxRun: 1 << 24 }

function synced(from: Y.Doc) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from))
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  return { doc, updates }
}

describe('validateUpdate', () => {
  it('accepts what honest editors send: full state, typing, deleting, paragraphs', () => {
    const author = new Y.Doc()
    appendParagraph(author, 'clarify', 'Which market first?')
    const server = new Y.Doc()
    const full = Y.encodeStateAsUpdate(author)
    expect(validateUpdate(server, full, rules)).toMatchObject({ kind: 'ok' })
    Y.applyUpdate(server, full)
    // the same state again (a reconnect's sync step 2) repeats known structs: still fine
    expect(validateUpdate(server, full, rules)).toMatchObject({ kind: 'ok' })
    const peer = synced(server)
    const text = sectionFragment(peer.doc, 'clarify').get(0) as Y.XmlElement
    ;(text.get(0) as Y.XmlText).insert(5, 'h')
    ;(text.get(0) as Y.XmlText).delete(0, 3)
    appendParagraph(peer.doc, 'segments', 'Tourists')
    for (const u of peer.updates) {
      expect(validateUpdate(server, u, rules)).toMatchObject({ kind: 'ok' })
      Y.applyUpdate(server, u)
    }
  })

  it('accepts clarifying rows: a map of texts in an array, typed, answered, removed', () => {
    const server = new Y.Doc()
    const peer = synced(server)
    const id = addClarifyRow(peer.doc)
    const second = addClarifyRow(peer.doc, id)
    const row = findClarifyRow(peer.doc, id)
    if (!row) throw new Error('row not added')
    clarifyFieldText(row, 'question')?.insert(0, 'Which market?')
    clarifyFieldText(row, 'question')?.delete(0, 6)
    removeClarifyRow(peer.doc, second)
    expect(peer.updates.length).toBeGreaterThan(3)
    for (const u of peer.updates) {
      expect(validateUpdate(server, u, rules)).toMatchObject({ kind: 'ok' })
      Y.applyUpdate(server, u)
    }
    // answering from a hint sets a mark only the server writes (issue #27, finding 7)
    peer.updates.length = 0
    answerClarifyRow(peer.doc, id, 0, 'China first.')
    expect(validateUpdate(server, peer.updates[0] as Uint8Array, rules)).toEqual({
      kind: 'refused',
      reason: 'a field only the server writes',
    })
  })

  it('holds updates whose dependencies are missing as pending', () => {
    const [second] = pendingUpdates(1, 10)
    expect(validateUpdate(new Y.Doc(), second as Uint8Array, rules)).toEqual({ kind: 'pending' })
    // a change on top of someone else's unsent text depends on it
    const a = new Y.Doc()
    a.getText('t').insert(0, 'unsent')
    const b = synced(a)
    b.doc.getText('t').insert(3, '!')
    expect(validateUpdate(new Y.Doc(), b.updates[0] as Uint8Array, rules)).toEqual({
      kind: 'pending',
    })
  })

  it('refuses deletions beyond what the document holds (the 12-byte eraser)', () => {
    const victim = new Y.Doc()
    victim.getText('t').insert(0, 'hello')
    const server = synced(victim).doc
    const eraser = deletionUpdate(victim.clientID, 0, Number.MAX_SAFE_INTEGER)
    expect(eraser.length).toBeLessThanOrEqual(20)
    expect(validateUpdate(server, eraser, rules)).toMatchObject({ kind: 'refused' })
    expect(validateUpdate(server, deletionUpdate(victim.clientID, 0, 6), rules)).toMatchObject({
      kind: 'refused',
    })
    expect(validateUpdate(server, deletionUpdate(victim.clientID, 0, 5), rules)).toMatchObject({
      kind: 'ok',
    })
    expect(validateUpdate(server, deletionUpdate(99, 0, 1), rules)).toMatchObject({
      kind: 'refused',
    })
  })

  it('refuses nesting deeper than the limit, in one update or step by step', () => {
    expect(validateUpdate(new Y.Doc(), Y.encodeStateAsUpdate(nestedDoc(3000)), rules)).toEqual({
      kind: 'refused',
      reason: 'nesting too deep',
    })
    // 62 blockquotes + paragraph + text = depth 64: the limit itself is allowed
    const server = new Y.Doc()
    const ok = Y.encodeStateAsUpdate(nestedDoc(62))
    expect(validateUpdate(server, ok, rules)).toMatchObject({ kind: 'ok' })
    Y.applyUpdate(server, ok)
    const peer = synced(server)
    let inner = sectionFragment(peer.doc, 'clarify').get(0) as Y.XmlElement
    for (let child = inner.get(0); child instanceof Y.XmlElement; child = inner.get(0)) {
      if (child.nodeName !== 'blockquote') break
      inner = child
    }
    const p = inner.get(0) as Y.XmlElement // the paragraph, depth 63
    p.insert(0, [new Y.XmlElement('too-deep')]) // depth 64: allowed
    expect(validateUpdate(server, peer.updates[0] as Uint8Array, rules)).toMatchObject({
      kind: 'ok',
    })
    Y.applyUpdate(server, peer.updates[0] as Uint8Array)
    ;(p.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('65')])
    expect(validateUpdate(server, peer.updates[1] as Uint8Array, rules)).toEqual({
      kind: 'refused',
      reason: 'nesting too deep',
    })
  })

  it('refuses absurd runs (a struct claiming 2^40 clocks)', () => {
    const e = deletionUpdate(7, 0, 2 ** 40)
    expect(validateUpdate(new Y.Doc(), e, rules)).toMatchObject({ kind: 'refused' })
  })
})
