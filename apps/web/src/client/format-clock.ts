/** "3:07" for 187 s after `origin`; "-0:12" before it (speech in the lobby, before the start). */
export function clockSince(ms: number, origin: number): string {
  const total = Math.round((ms - origin) / 1000)
  const s = Math.abs(total)
  return `${total < 0 ? '-' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** A session's date for lists and headings, in this browser's locale. */
export function formatDate(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}
