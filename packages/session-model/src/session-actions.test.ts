import { describe, expect, it } from 'vitest'
import { ActionError, applySessionAction } from './session-actions'
import { endSession, revealedSession, startSession } from '../test/session-fixture'
import { sectionElapsedMs } from './section-timer'
import { readSessionState } from './session-state'

const session = revealedSession

describe('session actions', () => {
  it('times sections on the server clock, pauses excluded, and records time spent', () => {
    const doc = session()
    startSession(doc, 1_000)
    applySessionAction(doc, { type: 'pause' }, 61_000) // 60 s run
    const paused = readSessionState(doc).timer
    if (!paused) throw new Error('no timer')
    expect(sectionElapsedMs(paused, 500_000)).toBe(60_000) // frozen while paused
    applySessionAction(doc, { type: 'resume' }, 121_000) // 60 s paused
    applySessionAction(doc, { type: 'next' }, 151_000) // 30 s more
    const s = readSessionState(doc)
    expect(s.currentSection).toBe('fix')
    expect(s.spentMs).toEqual({ clarify: 90_000 })
    endSession(doc, 161_000)
    expect(readSessionState(doc)).toMatchObject({
      status: 'ended',
      endedAt: 161_000,
      timer: null,
      spentMs: { clarify: 90_000, fix: 10_000 },
    })
  })

  it('refuses actions out of order', () => {
    const doc = session()
    expect(() => applySessionAction(doc, { type: 'next' }, 0)).toThrow(ActionError)
    startSession(doc, 0)
    applySessionAction(doc, { type: 'next', from: 'clarify' }, 1)
    // a second Next pressed on the same view (another tab) does not move on again
    expect(() => applySessionAction(doc, { type: 'next', from: 'clarify' }, 1)).toThrow('moved on')
    expect(() => applySessionAction(doc, { type: 'next' }, 2)).toThrow('last section')
    expect(() =>
      applySessionAction(doc, { type: 'feedback', sectionKey: 'fix', text: 'x' }, 2),
    ).toThrow('practice')
  })

  it('keeps practice feedback per section', () => {
    const doc = session('practice')
    applySessionAction(doc, { type: 'feedback', sectionKey: 'clarify', text: 'ask about scale' }, 5)
    expect(readSessionState(doc).feedback).toEqual({ clarify: 'ask about scale' })
  })
})
