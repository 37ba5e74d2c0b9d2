'use client'

import type { Role } from '@mockroom/access'
import { clockReadingAt, sectionElapsedMs, type SessionState } from '@mockroom/session-model'
import { timerReading } from '../../lib/format-timer'
import { PinnedControls } from './pinned-controls'
import type { SendControl } from './session/use-control-action'
import { useServerNow } from './time/use-server-now'

interface Props {
  state: SessionState
  clockOffset: number
  role: Role
  sendControl: SendControl
}

// Narrow screens only (CSS): the current section, its time left and the person's own controls,
// pinned to the top while the answer scrolls under it. Wide screens have them in the side column.
export function RoomStatusBar({ state, clockOffset, role, sendControl }: Props) {
  const { timer, sections, currentSection, status, breaks } = state
  const index = sections.findIndex((s) => s.key === currentSection)
  const section = sections[index]
  const paused = timer?.pausedAt != null
  const now = useServerNow(clockOffset, status === 'live' && !paused)
  if (status !== 'live' || !timer || !section) return null
  const reading = timerReading(
    section.minutes * 60_000,
    sectionElapsedMs(timer, clockReadingAt(breaks, now)),
  )
  return (
    <div className="status-bar" role="region" aria-label="Current section and time">
      <p className="status-bar__section">
        <span className="status-bar__step">
          {index + 1}/{sections.length}
        </span>{' '}
        {section.title}
      </p>
      <p
        className={`status-bar__clock${reading.over ? ' status-bar__clock--over' : ''}`}
        role="timer"
        aria-label="Time left in this section"
      >
        {paused ? `${reading.text} · paused` : reading.text}
      </p>
      <PinnedControls state={state} role={role} sendControl={sendControl} now={now} />
    </div>
  )
}
