import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applySessionAction } from './session-actions'
import { endSession, revealedSession, startSession } from '../test/session-fixture'
import { sectionElapsedMs } from './section-timer'
import { readSessionState } from './session-state'
import { activeBreak, BREAK_MS, breakEnd, clockReadingAt, MAX_BREAKS } from './thinking-break'

function liveSession() {
  const doc = revealedSession()
  startSession(doc, 0)
  return doc
}
const elapsed = (doc: Y.Doc, now: number) => {
  const { timer } = readSessionState(doc)
  if (!timer) throw new Error('no timer')
  return sectionElapsedMs(timer, now)
}

describe('thinking break', () => {
  it('stops the section clock for a minute and resumes it by itself', () => {
    const doc = liveSession()
    applySessionAction(doc, { type: 'take-break' }, 30_000)
    const { breaks } = readSessionState(doc)
    expect(activeBreak(breaks, 45_000)).not.toBeNull()
    // during the break everyone's clock stands at 30 s
    expect(elapsed(doc, clockReadingAt(breaks, 45_000))).toBe(30_000)
    // once the minute is over, the clock runs again from where it stopped
    expect(activeBreak(readSessionState(doc).breaks, 30_000 + BREAK_MS)).toBeNull()
    expect(elapsed(doc, 30_000 + BREAK_MS)).toBe(30_000)
    expect(elapsed(doc, 40_000 + BREAK_MS)).toBe(40_000)
  })

  it('ended early, gives the unused part back to the clock', () => {
    const doc = liveSession()
    applySessionAction(doc, { type: 'take-break' }, 30_000)
    applySessionAction(doc, { type: 'end-break' }, 50_000) // 20 s used
    const [b] = readSessionState(doc).breaks
    expect(b && breakEnd(b)).toBe(50_000)
    expect(elapsed(doc, 60_000)).toBe(40_000)
    expect(() => applySessionAction(doc, { type: 'end-break' }, 61_000)).toThrow(/no break/)
  })

  it('Next during a break ends it; the section spent only its running time', () => {
    const doc = liveSession()
    applySessionAction(doc, { type: 'take-break' }, 30_000)
    applySessionAction(doc, { type: 'next' }, 40_000)
    const s = readSessionState(doc)
    expect(s.spentMs.clarify).toBe(30_000)
    expect(s.breaks[0]?.endedAt).toBe(40_000)
    expect(s.currentSection).toBe('fix')
  })

  it(`allows at most ${MAX_BREAKS}, one at a time, not while paused`, () => {
    const doc = liveSession()
    applySessionAction(doc, { type: 'take-break' }, 10_000)
    expect(() => applySessionAction(doc, { type: 'take-break' }, 20_000)).toThrow(/running/)
    applySessionAction(doc, { type: 'take-break' }, 10_000 + BREAK_MS)
    expect(() => applySessionAction(doc, { type: 'take-break' }, 200_000)).toThrow(/at most 2/)
    const other = liveSession()
    applySessionAction(other, { type: 'pause' }, 5_000)
    expect(() => applySessionAction(other, { type: 'take-break' }, 6_000)).toThrow(/paused/)
  })

  it('the end during a break ends it; the section spent only its running time', () => {
    const doc = liveSession()
    applySessionAction(doc, { type: 'take-break' }, 30_000)
    endSession(doc, 40_000)
    const s = readSessionState(doc)
    expect(s.spentMs.clarify).toBe(30_000)
    expect(s.breaks[0]?.endedAt).toBe(40_000)
    expect(s.status).toBe('ended')
  })
})
