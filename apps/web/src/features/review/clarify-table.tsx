import {
  clarifyFieldLabels,
  clarifyFields,
  clarifyRowRuns,
  type ClarifyRowRuns,
} from '@mockroom/session-model'
import type * as Y from 'yjs'
import { AuthoredRun, type RunAuthor } from './authored-run'

interface Props {
  doc: Y.Doc
  /** who wrote a run; without it the text is plain (the final answer) */
  authorOf?: (client: number) => RunAuthor
}

const filled = (row: ClarifyRowRuns) =>
  clarifyFields.some((f) => row.fields[f].some((run) => run.text.trim() !== ''))

// Clarify's rows as they stood in `doc`, one table row each, text coloured by who wrote it.
export function ClarifyTable({ doc, authorOf }: Props) {
  const rows = clarifyRowRuns(doc).filter(filled)
  if (rows.length === 0) return null
  return (
    <table className="clarify-table">
      <caption>Clarifying questions</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          {clarifyFields.map((f) => (
            <th key={f} scope="col">
              {clarifyFieldLabels[f]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.id}>
            <th scope="row">{i + 1}</th>
            {clarifyFields.map((f) => (
              <td key={f}>
                {row.fields[f].map((run, j) => (
                  <AuthoredRun key={j} text={run.text} author={authorOf?.(run.client)} />
                ))}
                {f === 'answer' && row.answeredFromHint !== null && (
                  <span className="hint"> (from a hint)</span>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
