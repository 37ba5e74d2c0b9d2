import { breaksLine, planVsActual, type SessionRecord } from '@mockroom/session-model'
import { useId } from 'react'

interface TableProps {
  sections: ReadonlyArray<{ key: string; title: string; minutes: number }>
  spentMs: Readonly<Record<string, number>>
  written: (key: string) => boolean
  /** the heading that names the table */
  labelledBy: string
}

// One layout for plan vs actual in the room, the review and (as Markdown) the export: a table
// whose rows hold their own times, all in m:ss (planVsActual), so a time never drifts beside
// another section.
export function PlanVsActualTable({ sections, spentMs, written, labelledBy }: TableProps) {
  const plan = planVsActual(sections, spentMs, written)
  return (
    <table className="timing" aria-labelledby={labelledBy}>
      <colgroup>
        <col />
        <col className="timing__time" />
        <col className="timing__time" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Section</th>
          <th scope="col">Planned</th>
          <th scope="col">Actual</th>
        </tr>
      </thead>
      <tbody>
        {plan.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.title}</th>
            <td>{row.planned}</td>
            <td
              className={
                row.over ? 'timing__over' : row.actual.includes(',') ? 'timing__words' : undefined
              }
            >
              {row.actual}
              {row.over && ' (over)'}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td>{plan.planned}</td>
          <td>{plan.actual}</td>
        </tr>
      </tfoot>
    </table>
  )
}

// The review's plan vs actual; prints cleanly as a table.
export function PlanVsActual({ record }: { record: SessionRecord }) {
  const id = useId()
  const { sections, answer } = record
  if (sections.length === 0) return null
  return (
    <section className="card review__timing" aria-labelledby={id}>
      <h2 id={id}>Plan vs actual</h2>
      <PlanVsActualTable
        sections={sections}
        spentMs={Object.fromEntries(sections.map((s) => [s.key, s.spentMs]))}
        written={(k) => (answer[k] ?? '').trim() !== ''}
        labelledBy={id}
      />
      {record.breaks.length > 0 && <p>{breaksLine(record)}</p>}
    </section>
  )
}
