/**
 * What happened to one section, worded the same in the room, the review and the exports.
 * - timed: the clock ran for it
 * - written: no time of its own, yet it has text (filled while another section's clock ran)
 * - skipped: no time and no text, but a later section ran (the interviewer moved past it)
 * - not reached: no time, no text, and nothing after it ran (the interview ended before it)
 */
export type SectionOutcome =
  | { kind: 'timed'; spentMs: number }
  | { kind: 'written' }
  | { kind: 'skipped' }
  | { kind: 'not-reached' }

export function sectionOutcomes(
  sectionKeys: readonly string[],
  spentMs: Readonly<Record<string, number>>,
  hasText: (sectionKey: string) => boolean,
): SectionOutcome[] {
  const lastTimed = sectionKeys.reduce((last, key, i) => ((spentMs[key] ?? 0) > 0 ? i : last), -1)
  return sectionKeys.map((key, i): SectionOutcome => {
    const spent = spentMs[key] ?? 0
    if (spent > 0) return { kind: 'timed', spentMs: spent }
    if (hasText(key)) return { kind: 'written' }
    return i < lastTimed ? { kind: 'skipped' } : { kind: 'not-reached' }
  })
}

/** The words for an outcome; `duration` formats a time span (m:ss). */
export function outcomeLabel(outcome: SectionOutcome, duration: (ms: number) => string): string {
  switch (outcome.kind) {
    case 'timed':
      return `took ${duration(outcome.spentMs)}`
    case 'written':
      return 'written, no time of its own'
    case 'skipped':
      return 'skipped'
    case 'not-reached':
      return 'not reached'
  }
}
