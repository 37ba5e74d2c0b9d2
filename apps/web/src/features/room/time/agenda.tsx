import { readSectionText, type SessionState } from '@mockroom/session-model'
import { useCallback } from 'react'
import type * as Y from 'yjs'
import { PlanVsActualTable } from '../../review/plan-vs-actual'
import { useDocValue } from '../session/use-doc-value'

// The sections in order with their planned minutes, the running one marked; once the interview
// has ended, the plan vs actual table shared with the review.
export function Agenda({ state, answer }: { state: SessionState; answer: Y.Doc | null }) {
  const { sections, currentSection, spentMs, status } = state
  const ended = status === 'ended'
  const keys = sections.map((s) => s.key).join('|')
  // the sections with text, as one string so that an edit elsewhere does not re-render
  const readWritten = useCallback(
    (doc: Y.Doc) =>
      keys
        .split('|')
        .filter((k) => readSectionText(doc, k).trim() !== '')
        .join('|'),
    [keys],
  )
  const written = new Set(useDocValue(answer, readWritten, '').split('|'))
  if (ended)
    return (
      <div className="agenda">
        <h3 id="agenda-title">Plan vs actual</h3>
        <PlanVsActualTable
          sections={sections}
          spentMs={spentMs}
          written={(k) => written.has(k)}
          labelledBy="agenda-title"
        />
      </div>
    )
  const total = sections.reduce((sum, s) => sum + s.minutes, 0)

  return (
    <div className="agenda">
      <h3 id="agenda-title">Plan</h3>
      <ol className="agenda__list" aria-labelledby="agenda-title">
        {sections.map((section) => {
          const current = section.key === currentSection
          return (
            <li
              key={section.key}
              className={`agenda__item${current ? ' agenda__item--current' : ''}`}
              aria-current={current ? 'step' : undefined}
            >
              <span className="agenda__title">{section.title}</span>
              <span className="agenda__time">{section.minutes} min</span>
            </li>
          )
        })}
      </ol>
      <p className="hint">{total} min in total</p>
    </div>
  )
}
