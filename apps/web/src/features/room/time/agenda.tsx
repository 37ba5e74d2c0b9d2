import {
  outcomeLabel,
  readSectionText,
  sectionOutcomes,
  type SessionState,
} from '@mockroom/session-model'
import { useCallback } from 'react'
import type * as Y from 'yjs'
import { formatDuration } from '../../../lib/format-timer'
import { useDocValue } from '../session/use-doc-value'

// The sections in order with their planned minutes; the running one is marked, and once the
// interview has ended every section shows the time actually spent next to the plan.
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
  const outcomes = sectionOutcomes(
    sections.map((s) => s.key),
    spentMs,
    (k) => written.has(k),
  )
  const total = sections.reduce((sum, s) => sum + s.minutes, 0)
  const spentTotal = Object.values(spentMs).reduce((sum, ms) => sum + ms, 0)

  return (
    <div className="agenda">
      <h3 id="agenda-title">{ended ? 'Plan vs actual' : 'Plan'}</h3>
      <ol className="agenda__list" aria-labelledby="agenda-title">
        {sections.map((section, i) => {
          const current = !ended && section.key === currentSection
          const spent = spentMs[section.key]
          const outcome = outcomes[i] ?? { kind: 'not-reached' }
          return (
            <li
              key={section.key}
              className={`agenda__item${current ? ' agenda__item--current' : ''}`}
              aria-current={current ? 'step' : undefined}
            >
              <span className="agenda__title">{section.title}</span>
              <span className="agenda__time">
                {ended ? (
                  <>
                    plan {section.minutes} min ·{' '}
                    <span
                      className={spent && spent > section.minutes * 60_000 ? 'agenda__over' : ''}
                    >
                      {outcomeLabel(outcome, formatDuration)}
                    </span>
                  </>
                ) : (
                  `${section.minutes} min`
                )}
              </span>
            </li>
          )
        })}
      </ol>
      <p className="hint">
        {ended
          ? `Planned ${total} min · actual ${formatDuration(spentTotal)}`
          : `${total} min in total`}
      </p>
    </div>
  )
}
