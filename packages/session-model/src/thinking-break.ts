import type { SectionTimer } from './section-timer'

/** The seeds advise asking for a minute to organise one's thoughts: the candidate may, twice. */
export const BREAK_MS = 60_000
export const MAX_BREAKS = 2

export interface ThinkingBreak {
  sectionKey: string
  startedAt: number
  /** when the minute runs out by itself */
  plannedEndAt: number
  /** set when someone ended it early (or an action such as Next or End did) */
  endedAt: number | null
}

/** When a break stopped (or will stop): ended early, or its minute ran out. */
export const breakEnd = (b: ThinkingBreak): number => b.endedAt ?? b.plannedEndAt

/** The break running at server time `now`, if any. */
export function activeBreak(breaks: readonly ThinkingBreak[], now: number): ThinkingBreak | null {
  const last = breaks.at(-1)
  return last && last.endedAt === null && now < last.plannedEndAt ? last : null
}

/**
 * Starts a break. No server timer is needed for it to end by itself: the section's clock is
 * credited the whole minute as paused time up front, so it resumes exactly when the minute ends;
 * an early end gives back the part not used (settleBreak).
 */
export function startBreak(
  breaks: readonly ThinkingBreak[],
  timer: SectionTimer,
  now: number,
): { breaks: ThinkingBreak[]; timer: SectionTimer } {
  const b = { sectionKey: timer.sectionKey, startedAt: now, plannedEndAt: now + BREAK_MS }
  return {
    breaks: [...breaks, { ...b, endedAt: null }],
    timer: { ...timer, pausedMs: timer.pausedMs + BREAK_MS },
  }
}

/** Ends the running break early, if there is one; otherwise returns the inputs unchanged. */
export function settleBreak(
  breaks: readonly ThinkingBreak[],
  timer: SectionTimer | null,
  now: number,
): { breaks: ThinkingBreak[]; timer: SectionTimer | null } {
  const running = activeBreak(breaks, now)
  if (!running) return { breaks: [...breaks], timer }
  const unused = running.plannedEndAt - now
  return {
    breaks: [...breaks.slice(0, -1), { ...running, endedAt: now }],
    timer: timer ? { ...timer, pausedMs: timer.pausedMs - unused } : null,
  }
}

/**
 * The moment to read the section clock at: while a break runs, the clock stands still at the
 * value it had when the break began (its minute is already credited as paused time).
 */
export function clockReadingAt(breaks: readonly ThinkingBreak[], now: number): number {
  return activeBreak(breaks, now)?.plannedEndAt ?? now
}
