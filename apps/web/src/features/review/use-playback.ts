import { useCallback, useEffect, useState } from 'react'

export interface Playback {
  /** the moment shown, server ms */
  time: number
  /** 1, 4, 16 while playing; null when paused */
  speed: number | null
  seek: (time: number) => void
  play: (speed: number) => void
  pause: () => void
}

// Ten frames a second: smooth enough for text appearing, and the document is only rebuilt
// when an update's time is crossed anyway.
const TICK_MS = 100

interface Run {
  speed: number
  fromTime: number
  /** performance.now() when playing from fromTime began */
  fromClock: number
}

/** A replay clock between start and end; starts at the end (the final answer). */
export function usePlayback(start: number, end: number): Playback {
  const [time, setTime] = useState(end)
  const [run, setRun] = useState<Run | null>(null)

  useEffect(() => {
    if (!run) return
    // time is computed from the wall clock, not summed per tick: late ticks do not slow it down
    const timer = setInterval(() => {
      const next = run.fromTime + (performance.now() - run.fromClock) * run.speed
      if (next < end) return setTime(next)
      setTime(end)
      setRun(null)
    }, TICK_MS)
    return () => clearInterval(timer)
  }, [run, end])

  const seek = useCallback(
    (to: number) => {
      const clamped = Math.min(end, Math.max(start, to))
      setTime(clamped)
      // playing on from the new moment
      setRun((r) => r && { ...r, fromTime: clamped, fromClock: performance.now() })
    },
    [start, end],
  )
  const play = useCallback(
    (speed: number) => {
      // at the end, play starts over
      const from = time >= end ? start : time
      setTime(from)
      setRun({ speed, fromTime: from, fromClock: performance.now() })
    },
    [time, start, end],
  )
  const pause = useCallback(() => setRun(null), [])

  return { time, speed: run?.speed ?? null, seek, play, pause }
}
