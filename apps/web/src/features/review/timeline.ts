import type { SessionRecord, TranscriptSegment } from '@mockroom/session-model'

export interface Timeline {
  start: number
  end: number
  /** what "0:00" means: the interview's start (the Markdown export counts from the same) */
  origin: number
}

/**
 * The replay runs over the whole session, not only between the first and last keystroke, so
 * that every transcript line (spoken before anyone typed, or after the last edit) has a moment.
 */
export function timelineOf(record: SessionRecord): Timeline {
  const { session, answerUpdates, transcript } = record
  const starts = [answerUpdates[0]?.at, transcript[0]?.startMs, session.startedAt]
  const ends = [answerUpdates.at(-1)?.at, transcript.at(-1)?.endMs, session.endedAt]
  const known = (xs: Array<number | null | undefined>) => xs.filter((x) => typeof x === 'number')
  const origin = session.startedAt ?? session.createdAt
  const start = Math.min(...known(starts), origin)
  const last = Math.max(...known(ends), start)
  // whole seconds from the start, so the range input's 1 s steps land exactly on both ends
  const end = start + Math.ceil((last - start) / 1000) * 1000
  return { start, end, origin }
}

/** The line being spoken (or last spoken) at `time`: the last one that started by then. */
export function currentLine(transcript: TranscriptSegment[], time: number): number {
  let current = -1
  transcript.forEach((s, i) => {
    if (s.startMs <= time) current = i
  })
  return current
}

/** The id of a section in the replayed answer, for links that bring it into view. */
export const replaySectionId = (sectionKey: string) => `replay-section-${sectionKey}`
