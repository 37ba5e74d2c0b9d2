// What the section timer shows. Counting down rounds up (a fresh 5-minute section reads 05:00
// for its first second), counting over rounds down, so 00:01 → 00:00 → +0:01 over.
export interface TimerReading {
  text: string
  over: boolean
}

const pad = (n: number) => String(n).padStart(2, '0')

export function timerReading(plannedMs: number, elapsedMs: number): TimerReading {
  const left = plannedMs - elapsedMs
  if (left > -1000) {
    const seconds = Math.max(0, Math.ceil(left / 1000))
    return { text: `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`, over: false }
  }
  const seconds = Math.floor(-left / 1000)
  return { text: `+${Math.floor(seconds / 60)}:${pad(seconds % 60)} over`, over: true }
}

/** "4 min", "4 min 30 s", "45 s": spent time next to the plan */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  const m = Math.floor(seconds / 60)
  const s = seconds % 60
  if (m === 0) return `${s} s`
  return s === 0 ? `${m} min` : `${m} min ${s} s`
}
