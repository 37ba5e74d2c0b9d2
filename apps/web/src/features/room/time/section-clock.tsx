'use client'

import {
  clockReadingAt,
  sectionElapsedMs,
  type SectionPlan,
  type SectionTimer,
  type ThinkingBreak,
} from '@mockroom/session-model'
import { timerReading } from '../../../lib/format-timer'
import { useServerNow } from './use-server-now'

interface Props {
  timer: SectionTimer
  breaks: ThinkingBreak[]
  section: SectionPlan
  clockOffset: number
}

// Time left in the current section, from the server's timestamps and this browser's estimate of
// the server clock. role="timer" is not announced on every tick (its live region is "off").
export function SectionClock({ timer, breaks, section, clockOffset }: Props) {
  const paused = timer.pausedAt !== null
  const now = useServerNow(clockOffset, !paused)
  const reading = timerReading(
    section.minutes * 60_000,
    sectionElapsedMs(timer, clockReadingAt(breaks, now)),
  )

  return (
    <div className={`section-timer${reading.over ? ' section-timer--over' : ''}`}>
      <p className="section-timer__section">
        <span className="visually-hidden">Current section: </span>
        {section.title} <span className="minutes">({section.minutes} min)</span>
      </p>
      <p role="timer" aria-label="Section timer" className="section-timer__clock">
        {reading.text}
      </p>
      {paused && <p className="section-timer__paused">Paused</p>}
      {reading.over && !paused && (
        <p className="section-timer__hint">Over the planned time — move on when it suits you.</p>
      )}
    </div>
  )
}
