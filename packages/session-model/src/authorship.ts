import type * as Y from 'yjs'
import { clarifyRowRuns } from './clarify-runs'
import { CLARIFY_SECTION } from './clarify-rows'
import { sectionRuns, type TextRun } from './section-runs'

/** Characters of one section's final text written by one person. */
export interface AuthorShare {
  author: string
  chars: number
}

/**
 * Who wrote what: per section, the characters of the final text by author (participant id),
 * most first. `authors` maps Yjs client ids to participant ids (Replay.authors).
 */
export function sectionAuthorship(
  doc: Y.Doc,
  sectionKeys: readonly string[],
  authors: ReadonlyMap<number, string>,
): Record<string, AuthorShare[]> {
  const out: Record<string, AuthorShare[]> = {}
  for (const key of sectionKeys) {
    const chars = new Map<string, number>()
    const runs: TextRun[] = sectionRuns(doc, key).flatMap((b) => b.runs)
    // Clarify's rows are part of the section's text
    if (key === CLARIFY_SECTION)
      for (const row of clarifyRowRuns(doc)) runs.push(...Object.values(row.fields).flat())
    for (const run of runs) {
      const author = authors.get(run.client) ?? 'unknown'
      chars.set(author, (chars.get(author) ?? 0) + run.text.length)
    }
    out[key] = [...chars]
      .map(([author, n]) => ({ author, chars: n }))
      .sort((a, b) => b.chars - a.chars)
  }
  return out
}
