// The section clock, apart from the session state so that thinking breaks can use it without a cycle.

/** The running section's clock, in server milliseconds. */
export interface SectionTimer {
  sectionKey: string
  startedAt: number
  /** when paused, the server time it was paused at */
  pausedAt: number | null
  /** paused time already accumulated in this section */
  pausedMs: number
}

/** Milliseconds the current section has run (pauses excluded) at server time `now`. */
export function sectionElapsedMs(timer: SectionTimer, now: number): number {
  const until = timer.pausedAt ?? now
  return Math.max(0, until - timer.startedAt - timer.pausedMs)
}
