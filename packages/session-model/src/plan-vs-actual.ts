import { sectionOutcomes } from './section-outcome'

/** One row of plan vs actual: the same words and format in the room, the review and the export. */
export interface PlanVsActualRow {
  key: string
  title: string
  /** "4:00" */
  planned: string
  /** "0:23", or "written, untimed", "skipped", "not reached" for a section with no time of its own */
  actual: string
  /** ran longer than planned */
  over: boolean
}

export interface PlanVsActual {
  rows: PlanVsActualRow[]
  planned: string
  actual: string
}

/** "0:23", "12:05": minutes and seconds, the one format of plan vs actual */
export function planClock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

const untimed = {
  written: 'written, untimed',
  skipped: 'skipped',
  'not-reached': 'not reached',
} as const

export function planVsActual(
  sections: ReadonlyArray<{ key: string; title: string; minutes: number }>,
  spentMs: Readonly<Record<string, number>>,
  written: (key: string) => boolean,
): PlanVsActual {
  const outcomes = sectionOutcomes(
    sections.map((s) => s.key),
    spentMs,
    written,
  )
  const rows = sections.map((s, i) => {
    const outcome = outcomes[i] ?? { kind: 'not-reached' as const }
    const spent = spentMs[s.key] ?? 0
    return {
      key: s.key,
      title: s.title,
      planned: planClock(s.minutes * 60_000),
      actual: outcome.kind === 'timed' ? planClock(outcome.spentMs) : untimed[outcome.kind],
      over: spent > s.minutes * 60_000,
    }
  })
  const plannedMs = sections.reduce((sum, s) => sum + s.minutes * 60_000, 0)
  const actualMs = sections.reduce((sum, s) => sum + (spentMs[s.key] ?? 0), 0)
  return { rows, planned: planClock(plannedMs), actual: planClock(actualMs) }
}
