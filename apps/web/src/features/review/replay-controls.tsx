'use client'

import { useId } from 'react'
import { clockSince } from '../../lib/format-clock'
import type { Playback } from './use-playback'
import type { Timeline } from './timeline'

const speeds = [1, 4, 16] as const

// The scrubber and the play buttons. The range's value is server time in ms; its text
// alternative is the m:ss a person reads, counted from the interview's start.
export function ReplayControls({ timeline, playback }: { timeline: Timeline; playback: Playback }) {
  const id = useId()
  const { start, end, origin } = timeline
  const { time, speed, seek, play, pause } = playback
  const now = clockSince(time, origin)
  const empty = end <= start

  return (
    <div className="replay-controls">
      <div className="replay-controls__timeline">
        <label htmlFor={`${id}-timeline`}>Timeline</label>
        <input
          id={`${id}-timeline`}
          type="range"
          min={start}
          max={end}
          step={1000}
          value={time}
          disabled={empty}
          aria-valuetext={time < origin ? 'before the start' : `${now} since the start`}
          onChange={(e) => seek(Number(e.target.value))}
        />
        <output htmlFor={`${id}-timeline`} className="replay-controls__time" aria-live="off">
          {now} <span className="hint">of {clockSince(end, origin)}</span>
        </output>
      </div>
      <div className="replay-controls__buttons" role="group" aria-label="Playback">
        {speeds.map((s) => (
          <button
            key={s}
            type="button"
            className="button button--small"
            aria-pressed={speed === s}
            disabled={empty}
            onClick={() => play(s)}
          >
            Play {s}x
          </button>
        ))}
        <button
          type="button"
          className="button button--small"
          disabled={speed === null}
          onClick={pause}
        >
          Pause
        </button>
      </div>
    </div>
  )
}
