import {
  breaksLine,
  outcomeLabel,
  sectionOutcomes,
  type SessionRecord,
} from '@mockroom/session-model'
import { formatDuration } from '../../lib/format-timer'

// Planned minutes next to the time each section actually ran, as a table so it prints cleanly.
// The same words as the room's agenda (section-outcome.ts), so the two never disagree.
export function PlanVsActual({ record }: { record: SessionRecord }) {
  const { sections, answer } = record
  if (sections.length === 0) return null
  const outcomes = sectionOutcomes(
    sections.map((s) => s.key),
    Object.fromEntries(sections.map((s) => [s.key, s.spentMs])),
    (k) => (answer[k] ?? '').trim() !== '',
  )
  const planned = sections.reduce((sum, s) => sum + s.minutes, 0)
  const spent = sections.reduce((sum, s) => sum + s.spentMs, 0)
  return (
    <section className="card review__timing" aria-labelledby="timing-title">
      <h2 id="timing-title">Plan vs actual</h2>
      <table className="timing">
        <thead>
          <tr>
            <th scope="col">Section</th>
            <th scope="col">Planned</th>
            <th scope="col">Spent</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((s, i) => (
            <tr key={s.key}>
              <th scope="row">{s.title}</th>
              <td>{s.minutes} min</td>
              <td className={s.spentMs > s.minutes * 60_000 ? 'timing__over' : undefined}>
                {s.spentMs > 0
                  ? formatDuration(s.spentMs)
                  : outcomeLabel(outcomes[i] ?? { kind: 'not-reached' }, formatDuration)}
                {s.spentMs > s.minutes * 60_000 && ' (over)'}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{planned} min</td>
            <td>{formatDuration(spent)}</td>
          </tr>
        </tfoot>
      </table>
      {record.breaks.length > 0 && <p>{breaksLine(record)}</p>}
    </section>
  )
}
