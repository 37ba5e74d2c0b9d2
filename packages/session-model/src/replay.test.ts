import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendParagraph, readSectionText } from './answer-doc'
import { createReplay, type TimedUpdate } from './replay'

// Two writers edit with timestamps; after every step we capture the true document, then check
// that the replay rebuilds exactly that state at that moment.
function session(steps: number) {
  const a = new Y.Doc()
  const b = new Y.Doc()
  const log: TimedUpdate[] = []
  const truth: Array<{ time: number; clarify: string; metrics: string; json: string }> = []
  let time = 1_000
  const record = (doc: Y.Doc, other: Y.Doc, author: string, edit: () => void) => {
    const sv = Y.encodeStateVector(doc)
    edit()
    const data = Y.encodeStateAsUpdate(doc, sv)
    Y.applyUpdate(other, data)
    time += 1 + (log.length % 3) * 500
    log.push({ data, createdAt: time, author })
    truth.push({
      time,
      clarify: readSectionText(a, 'clarify'),
      metrics: readSectionText(a, 'metrics'),
      json: JSON.stringify(a.getXmlFragment('section:clarify').toJSON()),
    })
  }
  for (let i = 0; i < steps; i++) {
    if (i % 4 === 3) {
      // deletions matter too: drop the first block of clarify
      record(a, b, 'ivy', () => a.getXmlFragment('section:clarify').delete(0, 1))
    } else if (i % 2 === 0) {
      record(a, b, 'ivy', () => appendParagraph(a, 'clarify', `ivy ${i}`))
    } else {
      record(b, a, 'cody', () => appendParagraph(b, i % 3 ? 'clarify' : 'metrics', `cody ${i}`))
    }
  }
  return { log, truth, a, b }
}

describe('replay', () => {
  it('rebuilds the document exactly as it stood after every step', () => {
    const { log, truth } = session(120)
    const replay = createReplay(log, 16)
    for (const t of truth) {
      const doc = replay.docAt(t.time)
      expect(readSectionText(doc, 'clarify')).toBe(t.clarify)
      expect(readSectionText(doc, 'metrics')).toBe(t.metrics)
      expect(JSON.stringify(doc.getXmlFragment('section:clarify').toJSON())).toBe(t.json)
    }
  })

  it('is empty before the first update and complete after the last', () => {
    const { log, a } = session(30)
    const replay = createReplay(log)
    expect(readSectionText(replay.docAt(0), 'clarify')).toBe('')
    expect(replay.countAt(0)).toBe(0)
    expect(replay.countAt(replay.end)).toBe(30)
    expect(readSectionText(replay.docAt(replay.end + 1), 'clarify')).toBe(
      readSectionText(a, 'clarify'),
    )
  })

  it('knows which author each Yjs client belongs to', () => {
    const { log, a, b } = session(10)
    const replay = createReplay(log)
    expect(replay.authors.get(a.clientID)).toBe('ivy')
    expect(replay.authors.get(b.clientID)).toBe('cody')
  })

  it('keeps its checkpoints within the byte budget, thinning them, and still rebuilds every moment', () => {
    // each update adds 4 KB that never merges away: the state grows to ~1.2 MB
    const doc = new Y.Doc()
    const log: TimedUpdate[] = []
    const truth: Array<{ time: number; text: string }> = []
    for (let i = 0; i < 300; i++) {
      const sv = Y.encodeStateVector(doc)
      appendParagraph(doc, 'clarify', `${i} ${'x'.repeat(4_000)}`)
      log.push({ data: Y.encodeStateAsUpdate(doc, sv), createdAt: 1_000 + i, author: 'ivy' })
      truth.push({ time: 1_000 + i, text: readSectionText(doc, 'clarify') })
    }
    const unbounded = createReplay(log, 10, Infinity)
    const bounded = createReplay(log, 10, 2_000_000)
    // 30 checkpoints of up to 1.2 MB each, against a 2 MB budget
    expect(unbounded.checkpointBytes).toBeGreaterThan(15_000_000)
    expect(bounded.checkpointBytes).toBeLessThanOrEqual(2_000_000)
    for (const t of truth.filter((_, i) => i % 7 === 0 || i === truth.length - 1))
      expect(readSectionText(bounded.docAt(t.time), 'clarify')).toBe(t.text)
  })
})
