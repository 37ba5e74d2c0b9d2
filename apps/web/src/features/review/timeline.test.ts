import type { SessionRecord, TranscriptSegment } from '@mockroom/session-model'
import { describe, expect, it } from 'vitest'
import { clockSince } from '../../lib/format-clock'
import { capabilityOf } from '../../lib/saved-links'
import { currentLine, timelineOf } from './timeline'

const line = (startMs: number): TranscriptSegment => ({
  speakerId: 'p',
  name: 'P',
  role: 'candidate',
  startMs,
  endMs: startMs + 500,
  text: 't',
  source: 'speech',
})

function record(parts: Partial<SessionRecord>, startedAt: number | null): SessionRecord {
  return {
    session: { createdAt: 500, startedAt, endedAt: null },
    answerUpdates: [],
    transcript: [],
    talk: [],
    ...parts,
  } as unknown as SessionRecord
}

describe('timelineOf', () => {
  it('spans updates, transcript and the session, in whole seconds from the start', () => {
    const r = record(
      { answerUpdates: [{ at: 2_000, author: 'a', data: '' }], transcript: [line(9_100)] },
      1_000,
    )
    expect(timelineOf(r)).toEqual({ start: 1_000, end: 10_000, origin: 1_000 })
  })

  it('falls back to the creation time for a session with nothing in it', () => {
    expect(timelineOf(record({}, null))).toEqual({ start: 500, end: 500, origin: 500 })
  })
})

describe('currentLine', () => {
  it('is the last line started by then, or none before the first', () => {
    const lines = [line(1_000), line(3_000)]
    expect(currentLine(lines, 999)).toBe(-1)
    expect(currentLine(lines, 2_999)).toBe(0)
    expect(currentLine(lines, 3_000)).toBe(1)
  })
})

describe('clockSince and capabilityOf', () => {
  it('formats m:ss with a sign before the origin', () => {
    expect(clockSince(187_400, 0)).toBe('3:07')
    expect(clockSince(0, 12_000)).toBe('before start')
    expect(clockSince(11_600, 12_000)).toBe('0:00')
  })

  it('reads the capability out of a room link', () => {
    expect(capabilityOf('http://localhost:3000/join/AbC_-9')).toBe('AbC_-9')
    expect(capabilityOf('/questions/x')).toBeNull()
  })
})
