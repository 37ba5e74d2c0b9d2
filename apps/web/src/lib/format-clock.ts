/** What the replay, the transcript and the exports call any moment before the interview started. */
export const BEFORE_START = 'before start'

/**
 * "3:07" for 187 s after `origin` (the interview's start); "before start" for anything earlier
 * (lobby talk, text typed before Start): the clock never shows negative time.
 */
export function clockSince(ms: number, origin: number): string {
  const total = Math.round((ms - origin) / 1000)
  if (total < 0) return BEFORE_START
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`
}

/** A session's date for lists and headings, in this browser's locale. */
export function formatDate(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}
