'use client'

import {
  CLARIFY_SECTION,
  readClarifyRows,
  sectionRuns,
  type SessionRecord,
} from '@mockroom/session-model'
import { useMemo } from 'react'
import { replayOf } from './replay-of'
import { ClarifyTable } from './clarify-table'
import { RunBlocks } from './run-blocks'

// Default export: loaded with next/dynamic, since rebuilding the document needs Yjs and the
// whole update log; the page's first paint does not wait for either.
export default function FinalAnswer({ record }: { record: SessionRecord }) {
  const doc = useMemo(() => replayOf(record).docAt(Infinity), [record])
  return (
    <section className="card review__answer" aria-labelledby="final-answer-title">
      <h2 id="final-answer-title">Final answer</h2>
      {record.sections.length === 0 && (
        <p className="hint">No question was revealed, so there is no answer.</p>
      )}
      {record.sections.map((section) => (
        <section key={section.key} className="review__section" aria-label={section.title}>
          <h3>{section.title}</h3>
          {section.key === CLARIFY_SECTION && <ClarifyTable doc={doc} />}
          <RunBlocks
            blocks={sectionRuns(doc, section.key)}
            quietWhenEmpty={section.key === CLARIFY_SECTION && readClarifyRows(doc).length > 0}
          />
        </section>
      ))}
    </section>
  )
}
