import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sectionAuthorship } from './authorship'
import { clarifyRowRuns } from './clarify-runs'
import {
  addClarifyRow,
  answerClarifyRow,
  clarifyFieldText,
  findClarifyRow,
  readClarifyRows,
  removeClarifyRow,
  type ClarifyRow,
} from './clarify-rows'
import { createReplay, type TimedUpdate } from './replay'

// Candidate and interviewer build Clarify's rows; after every stored update the true rows are
// captured, and the replay must rebuild exactly those rows at that moment.
function session() {
  const cody = new Y.Doc()
  const ivy = new Y.Doc()
  const log: TimedUpdate[] = []
  const truth: Array<{ time: number; rows: ClarifyRow[] }> = []
  let time = 5_000
  const record = (doc: Y.Doc, other: Y.Doc, author: string, edit: () => void) => {
    const sv = Y.encodeStateVector(doc)
    edit()
    const data = Y.encodeStateAsUpdate(doc, sv)
    Y.applyUpdate(other, data)
    time += 700
    log.push({ data, createdAt: time, author })
    truth.push({ time, rows: readClarifyRows(cody) })
  }
  const type = (doc: Y.Doc, id: string, field: 'question' | 'why' | 'impact', s: string) => {
    const row = findClarifyRow(doc, id)
    const text = row && clarifyFieldText(row, field)
    text?.insert(text.length, s)
  }
  let first = ''
  let second = ''
  record(cody, ivy, 'cody', () => (first = addClarifyRow(cody)))
  for (const word of ['Which ', 'market?'])
    record(cody, ivy, 'cody', () => type(cody, first, 'question', word))
  record(cody, ivy, 'cody', () => type(cody, first, 'why', 'Sets the segments'))
  record(cody, ivy, 'cody', () => (second = addClarifyRow(cody, first)))
  record(cody, ivy, 'cody', () => type(cody, second, 'question', 'Timeline?'))
  // the server writes the interviewer's hint on their behalf
  record(ivy, cody, 'ivy', () => answerClarifyRow(ivy, first, 0, 'China, mobile only.'))
  record(cody, ivy, 'cody', () => type(cody, first, 'impact', 'Focus on QR payments'))
  record(ivy, cody, 'ivy', () => removeClarifyRow(ivy, second))
  return { log, truth, cody, ivy }
}

describe('replay of clarify rows', () => {
  it('rebuilds the rows exactly as they stood after every update', () => {
    const { log, truth } = session()
    const replay = createReplay(log, 3)
    expect(readClarifyRows(replay.docAt(0))).toEqual([])
    for (const t of truth) expect(readClarifyRows(replay.docAt(t.time))).toEqual(t.rows)
    // the moments that matter: the hint's answer appears, then the second row goes
    const hinted = truth.find((t) => t.rows[0]?.answeredFromHint === 0)
    expect(hinted?.rows[0]?.answer).toBe('China, mobile only.')
    expect(truth.at(-2)?.rows).toHaveLength(2)
    expect(truth.at(-1)?.rows).toHaveLength(1)
  })

  it('tags row text by who wrote it and counts it in Clarify authorship', () => {
    const { log, cody, ivy } = session()
    const replay = createReplay(log)
    const doc = replay.docAt(Infinity)
    const [row] = clarifyRowRuns(doc)
    expect(row?.fields.answer).toEqual([{ text: 'China, mobile only.', client: ivy.clientID }])
    expect(row?.fields.question.map((r) => r.client)).toEqual([cody.clientID])
    const shares = sectionAuthorship(doc, ['clarify'], replay.authors).clarify
    expect(shares).toEqual([
      { author: 'cody', chars: 'Which market?Sets the segmentsFocus on QR payments'.length },
      { author: 'ivy', chars: 'China, mobile only.'.length },
    ])
  })
})
