import type { SessionRecord } from '@mockroom/session-model'
import { clockSince } from '../../lib/format-clock'
import { formatDuration } from '../../lib/format-timer'

// The candidate's thinking breaks as moments on the replay's timeline: one button each, which
// moves the replay there; the one the replay is in is marked.
export function ReplayBreaks(props: {
  breaks: SessionRecord['breaks']
  origin: number
  time: number
  seek: (time: number) => void
}) {
  const { breaks, origin, time, seek } = props
  if (breaks.length === 0) return null
  return (
    <ul className="replay-breaks" aria-label="Thinking breaks">
      {breaks.map((b) => (
        <li key={b.startedAt}>
          <button
            type="button"
            className="button button--small"
            aria-current={time >= b.startedAt && time < b.endedAt ? 'time' : undefined}
            onClick={() => seek(b.startedAt)}
          >
            Thinking break at {clockSince(b.startedAt, origin)} (
            {formatDuration(b.endedAt - b.startedAt)})
          </button>
        </li>
      ))}
    </ul>
  )
}
