'use client'

import {
  CLARIFY_SECTION,
  readClarifyRows,
  sectionRuns,
  type SessionRecord,
} from '@mockroom/session-model'
import { useMemo } from 'react'
import { replayOf, snapTime } from './replay-of'
import { replaySectionId } from './timeline'
import { ClarifyTable } from './clarify-table'
import type { RunAuthor } from './authored-run'
import { RunBlocks } from './run-blocks'

// black: not in the participant palette, so it never passes for one of the people
const unknownAuthor: RunAuthor = { name: 'Someone not in the list', color: '#000000' }

// Default export, loaded with next/dynamic (Yjs). The answer as it stood at `time`, each run of
// text in the colour of the person who wrote it.
export default function ReplayAnswer({ record, time }: { record: SessionRecord; time: number }) {
  const replay = replayOf(record)
  // rebuilt only when the moment crosses a stored update, not on every tick of the clock
  const at = snapTime(record, replay, time)
  const doc = useMemo(() => replay.docAt(at), [replay, at])

  const people = useMemo(() => {
    const byId = new Map(record.participants.map((p) => [p.id, p]))
    const authors = new Map<number, RunAuthor>()
    const legend = new Map<string, RunAuthor>()
    for (const [client, id] of replay.authors) {
      const person = byId.get(id)
      const author = person ? { name: person.name, color: person.color } : unknownAuthor
      authors.set(client, author)
      legend.set(person ? id : '', author)
    }
    return { authorOf: (client: number) => authors.get(client) ?? unknownAuthor, legend }
  }, [record, replay])

  return (
    <div className="replay__answer" role="region" aria-label="Answer at this moment">
      {people.legend.size > 0 && (
        <ul className="replay__legend" aria-label="Who wrote what">
          {[...people.legend].map(([id, author]) => (
            <li key={id}>
              <span
                className="person__swatch"
                style={{ backgroundColor: author.color }}
                aria-hidden="true"
              />
              {author.name}
            </li>
          ))}
        </ul>
      )}
      {record.sections.map((section) => (
        <section
          key={section.key}
          id={replaySectionId(section.key)}
          className="review__section"
          aria-label={section.title}
        >
          <h3>{section.title}</h3>
          {section.key === CLARIFY_SECTION && <ClarifyTable doc={doc} authorOf={people.authorOf} />}
          <RunBlocks
            blocks={sectionRuns(doc, section.key)}
            quietWhenEmpty={section.key === CLARIFY_SECTION && readClarifyRows(doc).length > 0}
            authorOf={people.authorOf}
          />
        </section>
      ))}
    </div>
  )
}
