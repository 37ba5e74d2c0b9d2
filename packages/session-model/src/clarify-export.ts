import { clarifyFieldLabels, clarifyFields, type ClarifyRow } from './clarify-rows'

// A Markdown table cell: pipes escaped, line breaks as <br> so a row stays one line.
const cell = (text: string) =>
  text.trim().replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>')

const filled = (row: ClarifyRow) => clarifyFields.some((f) => row[f].trim() !== '')

/** The rows as a Markdown table ('' when no row has text). */
export function clarifyRowsMarkdown(rows: readonly ClarifyRow[]): string {
  const kept = rows.filter(filled)
  if (kept.length === 0) return ''
  const lines = [
    `| # | ${clarifyFields.map((f) => clarifyFieldLabels[f]).join(' | ')} |`,
    `|---|${clarifyFields.map(() => '---').join('|')}|`,
  ]
  kept.forEach((row, i) => {
    const answer = row.answeredFromHint === null ? row.answer : `${row.answer} (from a hint)`
    const values = { ...row, answer }
    lines.push(`| ${i + 1} | ${clarifyFields.map((f) => cell(values[f])).join(' | ')} |`)
  })
  return lines.join('\n')
}

/** The rows as plain lines (one per row), for "has this section any text" and line counts. */
export function clarifyRowsText(rows: readonly ClarifyRow[]): string {
  return rows
    .filter(filled)
    .map((r) =>
      clarifyFields
        .map((f) => r[f].trim())
        .filter((t) => t !== '')
        .join(' — '),
    )
    .join('\n')
}

export interface ClarifyFacts {
  /** rows with a question */
  questions: number
  /** rows with a question but no answer or assumption yet */
  withoutAnswer: number
  /** rows with a question but no impact on the approach */
  withoutImpact: number
}

/** What the rows' structure says without guessing at their quality. */
export function clarifyFacts(rows: readonly ClarifyRow[]): ClarifyFacts {
  const asked = rows.filter((r) => r.question.trim() !== '')
  return {
    questions: asked.length,
    withoutAnswer: asked.filter((r) => r.answer.trim() === '').length,
    withoutImpact: asked.filter((r) => r.impact.trim() === '').length,
  }
}

/** The facts as a suggestion for the interviewer ('' when there are no questions yet). */
export function clarifySuggestion(rows: readonly ClarifyRow[]): string {
  const f = clarifyFacts(rows)
  if (f.questions === 0) return ''
  const parts = [`${f.questions} clarifying ${f.questions === 1 ? 'question' : 'questions'}`]
  if (f.withoutAnswer > 0) parts.push(`${f.withoutAnswer} without an answer or assumption`)
  if (f.withoutImpact > 0) parts.push(`${f.withoutImpact} without an impact on the approach`)
  return `Suggestion: the answer has ${parts.join(', ')} so far.`
}
