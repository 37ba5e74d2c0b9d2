import {
  FILLER_WORDS,
  NO_SPEECH,
  sessionInsights,
  type SessionRecord,
} from '@mockroom/session-model'
import { formatDuration } from '../../lib/format-timer'

const percent = (share: number) => `${Math.round(share * 100)}%`

// Insights: per section plan vs actual vs talk as bars (people would rather look than read), with
// the same numbers in text beside them; then the whole session in a few facts.
export function SessionInsightsCard({ record }: { record: SessionRecord }) {
  const insights = sessionInsights(record)
  if (insights.sections.length === 0) return null
  const scale = Math.max(1, ...insights.sections.map((s) => Math.max(s.plannedMs, s.spentMs)))
  const width = (ms: number) => `${Math.round((ms / scale) * 100)}%`
  return (
    <section className="card insights" aria-labelledby="insights-title">
      <h2 id="insights-title">Insights</h2>
      <ul className="insights__sections" aria-label="Per section">
        {insights.sections.map((s) => {
          const talkMs = s.talk.reduce((sum, p) => sum + p.ms, 0)
          return (
            <li key={s.key} className="insights__section">
              <p className="insights__title">
                <strong>{s.title}</strong>{' '}
                <span className="hint">
                  plan {formatDuration(s.plannedMs)} · actual{' '}
                  {s.reached ? formatDuration(s.spentMs) : 'not reached'}
                  {talkMs > 0 && ` · talk ${formatDuration(talkMs)}`}
                  {s.score !== null && ` · score ${s.score} of 4`}
                  {s.covered.length > 0 && ` · covered: ${s.covered.join('; ')}`}
                </span>
              </p>
              <div className="insights__bars" aria-hidden="true">
                <span
                  className="insights__bar insights__bar--plan"
                  style={{ width: width(s.plannedMs) }}
                />
                <span
                  className="insights__bar insights__bar--actual"
                  style={{ width: width(s.spentMs) }}
                />
                <span
                  className="insights__bar insights__bar--talk"
                  style={{ width: width(talkMs) }}
                />
              </div>
              {s.talk.length > 0 && (
                <p className="hint">
                  {s.talk
                    .map((p) => `${p.name} ${percent(talkMs > 0 ? p.ms / talkMs : 0)}`)
                    .join(', ')}
                </p>
              )}
            </li>
          )
        })}
      </ul>
      <p className="hint insights__legend">
        Bars: plan, actual, talk (from the call), on one scale.
      </p>
      <dl className="insights__facts">
        <dt>Share of talk</dt>
        <dd>
          {insights.speechDetected
            ? insights.talkShare.map((p) => `${p.name} ${percent(p.share)}`).join(', ')
            : NO_SPEECH}
        </dd>
        <dt>Longest monologue</dt>
        <dd>
          {insights.longestMonologue
            ? `${insights.longestMonologue.name}, ${formatDuration(insights.longestMonologue.ms)}`
            : NO_SPEECH}
        </dd>
        <dt>Thinking breaks</dt>
        <dd>
          {insights.breaks.count === 0
            ? 'None'
            : `${insights.breaks.count}, ${formatDuration(insights.breaks.totalMs)} in all`}
        </dd>
        <dt>Filler words per minute</dt>
        <dd>
          {insights.fillers.length > 0
            ? insights.fillers.map((f) => `${f.name} ${f.perMinute} (${f.count})`).join(', ')
            : 'No speech in the transcript'}
          <span className="hint"> · counted: {FILLER_WORDS.join(', ')}</span>
        </dd>
        <dt>Never reached</dt>
        <dd>{insights.notReached.length > 0 ? insights.notReached.join(', ') : 'None'}</dd>
      </dl>
    </section>
  )
}
