import type { Logger } from './logger'

/**
 * Logs refusals at a sampled rate: the first of each reason at once, then at most one line per
 * reason and interval carrying how many were left out. A flood of bad frames costs a few lines.
 */
export function sampledLog(logger: Logger, intervalMs = 10_000, now: () => number = Date.now) {
  const seen = new Map<string, { last: number; skipped: number }>()
  return (reason: string, fields: object) => {
    const t = now()
    const entry = seen.get(reason)
    if (entry && t - entry.last < intervalMs) {
      entry.skipped++
      return
    }
    logger.warn({ ...fields, reason, suppressed: entry?.skipped ?? 0 }, 'refused')
    seen.set(reason, { last: t, skipped: 0 })
  }
}
