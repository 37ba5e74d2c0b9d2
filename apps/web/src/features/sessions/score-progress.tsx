import { formatDate } from '../../lib/format-clock'
import type { SessionRow } from './use-saved-sessions'

// Progress across this browser's sessions: the scores received as the candidate, one row per
// section type (its title: "Clarify", "Metrics"…), oldest session first, so a trend reads left
// to right. Only rounds whose feedback was shared have scores.
export function ScoreProgress({ rows }: { rows: SessionRow[] }) {
  const scored = rows
    .filter((r) => (r.scores ?? []).length > 0)
    .sort((a, b) => (a.startedAt ?? a.createdAt) - (b.startedAt ?? b.createdAt))
  if (scored.length === 0) return null
  const sections = [...new Set(scored.flatMap((r) => r.scores.map((s) => s.section)))]
  return (
    <section className="card progress" aria-labelledby="progress-title">
      <h2 id="progress-title">Your progress</h2>
      <p className="hint">Scores from 1 to 4 your interviewers shared with you, oldest first.</p>
      <div className="table-scroll">
        <table className="progress__table">
          <caption className="visually-hidden">Scores per section over time</caption>
          <thead>
            <tr>
              <th scope="col">Section</th>
              {scored.map((r) => (
                <th scope="col" key={`${r.capability}:${r.sessionId}`}>
                  {formatDate(r.startedAt ?? r.createdAt)}
                  <span className="sessions__round">{r.questionTitle ?? ''}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sections.map((section) => (
              <tr key={section}>
                <th scope="row">{section}</th>
                {scored.map((r) => (
                  <td key={`${r.capability}:${r.sessionId}`}>
                    {r.scores.find((s) => s.section === section)?.score ?? '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
