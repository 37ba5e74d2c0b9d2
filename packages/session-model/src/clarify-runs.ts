import * as Y from 'yjs'
import { clarifyFields, clarifyFieldText, clarifyRowsOf, type ClarifyField } from './clarify-rows'
import { runsOf, type TextRun } from './section-runs'

export interface ClarifyRowRuns {
  id: string
  fields: Record<ClarifyField, TextRun[]>
  answeredFromHint: number | null
}

/** Clarify's rows with each field as text runs tagged by the Yjs client that wrote them. */
export function clarifyRowRuns(doc: Y.Doc): ClarifyRowRuns[] {
  return clarifyRowsOf(doc)
    .toArray()
    .filter((r): r is Y.Map<unknown> => r instanceof Y.Map && typeof r.get('id') === 'string')
    .map((row) => {
      const hint = row.get('answeredFromHint')
      const fields = Object.fromEntries(
        clarifyFields.map((f) => {
          const text = clarifyFieldText(row, f)
          return [f, text ? runsOf(text) : []]
        }),
      ) as Record<ClarifyField, TextRun[]>
      return {
        id: row.get('id') as string,
        fields,
        answeredFromHint: typeof hint === 'number' ? hint : null,
      }
    })
}
