import type * as Y from 'yjs'
import { sectionFragment } from './answer-doc'
import { clarifyRowsMarkdown } from './clarify-export'
import { CLARIFY_SECTION, readClarifyRows } from './clarify-rows'
import { fragmentToMarkdown } from './to-markdown'

/** The final answer per section as Markdown; Clarify's rows as a table above its prose. */
export function answerMarkdown(doc: Y.Doc, sectionKeys: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    sectionKeys.map((key) => {
      const prose = fragmentToMarkdown(sectionFragment(doc, key))
      if (key !== CLARIFY_SECTION) return [key, prose]
      const table = clarifyRowsMarkdown(readClarifyRows(doc))
      return [key, [table, prose.trim()].filter((p) => p !== '').join('\n\n')]
    }),
  )
}
