import * as Y from 'yjs'

/** The Clarify section's rows: one shared array beside the section's own XmlFragment. */
export const CLARIFY_ROWS = 'clarify:rows'
/** The template section the rows belong to (every template has one). */
export const CLARIFY_SECTION = 'clarify'

export const clarifyFields = ['question', 'why', 'answer', 'impact'] as const
export type ClarifyField = (typeof clarifyFields)[number]

/** The words people read for each field (labels, table headers, exports). */
export const clarifyFieldLabels: Readonly<Record<ClarifyField, string>> = {
  question: 'Question',
  why: 'Why it matters',
  answer: 'Answer or assumption',
  impact: 'Impact on approach',
}

export interface ClarifyRow {
  id: string
  question: string
  why: string
  answer: string
  impact: string
  /** the interviewer answered the row with this hint of the question (index in its hints) */
  answeredFromHint: number | null
}

export function clarifyRowsOf(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray(CLARIFY_ROWS)
}

// Anyone with write access may put anything into the array: read only well-formed parts.
function rowMaps(doc: Y.Doc): Array<Y.Map<unknown>> {
  return clarifyRowsOf(doc)
    .toArray()
    .filter((r): r is Y.Map<unknown> => r instanceof Y.Map && typeof r.get('id') === 'string')
}

/** The shared text of one field of a row, or null when the row or field is missing. */
export function clarifyFieldText(row: Y.Map<unknown>, field: ClarifyField): Y.Text | null {
  const text = row.get(field)
  return text instanceof Y.Text ? text : null
}

export function findClarifyRow(doc: Y.Doc, rowId: string): Y.Map<unknown> | null {
  return rowMaps(doc).find((r) => r.get('id') === rowId) ?? null
}

/** The rows as plain values, in order. */
export function readClarifyRows(doc: Y.Doc): ClarifyRow[] {
  return rowMaps(doc).map((row) => {
    const hint = row.get('answeredFromHint')
    const text = (f: ClarifyField) => clarifyFieldText(row, f)?.toJSON() ?? ''
    return {
      id: row.get('id') as string,
      question: text('question'),
      why: text('why'),
      answer: text('answer'),
      impact: text('impact'),
      answeredFromHint: typeof hint === 'number' ? hint : null,
    }
  })
}

/**
 * Adds an empty row after `afterId` (at the end when absent) and returns its id. Each field is
 * created once, with the row, so two people typing into it always edit the same Y.Text.
 */
export function addClarifyRow(doc: Y.Doc, afterId?: string): string {
  // unique without a random source: this client's next clock is never used twice
  const id = `${doc.clientID}-${Y.getState(doc.store, doc.clientID)}`
  const rows = clarifyRowsOf(doc)
  const after = afterId
    ? rows.toArray().findIndex((r) => r instanceof Y.Map && r.get('id') === afterId)
    : -1
  const row = new Y.Map<unknown>()
  doc.transact(() => {
    rows.insert(after >= 0 ? after + 1 : rows.length, [row])
    row.set('id', id)
    for (const f of clarifyFields) row.set(f, new Y.Text())
  })
  return id
}

export function removeClarifyRow(doc: Y.Doc, rowId: string): void {
  const rows = clarifyRowsOf(doc)
  const index = rows.toArray().findIndex((r) => r instanceof Y.Map && r.get('id') === rowId)
  if (index >= 0) rows.delete(index, 1)
}

/**
 * The interviewer's answer from a hint: the row's answer becomes exactly `hint` (the server
 * writes it, so only a hint the interviewer chose ever reaches the answer document). False when
 * the row does not exist.
 */
export function answerClarifyRow(
  doc: Y.Doc,
  rowId: string,
  hintIndex: number,
  hint: string,
): boolean {
  const row = findClarifyRow(doc, rowId)
  if (!row) return false
  doc.transact(() => {
    let answer = clarifyFieldText(row, 'answer')
    if (!answer) {
      answer = new Y.Text()
      row.set('answer', answer)
    }
    if (answer.length > 0) answer.delete(0, answer.length)
    answer.insert(0, hint)
    row.set('answeredFromHint', hintIndex)
  })
  return true
}
