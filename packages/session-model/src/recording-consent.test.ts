import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  decideRecording,
  mayStoreChunk,
  readRecording,
  recordingOff,
  writeRecording,
  type ConsentFacts,
} from './recording-consent'

const ida = { participantId: 'ida', name: 'Ida', role: 'interviewer', joinedAt: 0 }
const cody = { participantId: 'cody', name: 'Cody', role: 'candidate', joinedAt: 5 }
const request = { id: 'q1', askedBy: 'ida', askedAt: 100, stoppedAt: null }
const allow = (participantId: string, createdAt: number) =>
  ({ participantId, answer: 'allow', createdAt }) as const
const refuse = (participantId: string, createdAt: number) =>
  ({ participantId, answer: 'refuse', createdAt }) as const

const facts = (over: Partial<ConsentFacts>): ConsentFacts => ({
  request,
  speakers: [ida, cody],
  receipts: [],
  hasAudio: false,
  ...over,
})

describe('decideRecording', () => {
  it('is off until the interviewer asks, and after a stop', () => {
    expect(decideRecording(facts({ request: null })).view.status).toBe('off')
    const stopped = decideRecording(facts({ request: { ...request, stoppedAt: 300 } }))
    expect(stopped.view).toMatchObject({ status: 'off', stoppedAt: 300, people: [] })
  })

  it('records only once everyone who speaks has allowed', () => {
    const asking = decideRecording(facts({ receipts: [allow('ida', 100)] }))
    expect(asking.view.status).toBe('asking')
    expect(asking.view.people.map((p) => p.answer)).toEqual(['allow', 'pending'])
    expect(asking.blockedSince).toBe(100)
    const on = decideRecording(facts({ receipts: [allow('ida', 100), allow('cody', 120)] }))
    expect(on.view.status).toBe('recording')
    expect(on.blockedSince).toBeNull()
  })

  it('records nobody after one refusal, and a later allow of that person resumes it', () => {
    const refused = decideRecording(facts({ receipts: [allow('ida', 100), refuse('cody', 130)] }))
    expect(refused.view.status).toBe('refused')
    expect(refused.blockedSince).toBe(130)
    const changed = decideRecording(
      facts({ receipts: [allow('ida', 100), refuse('cody', 130), allow('cody', 200)] }),
    )
    expect(changed.view.status).toBe('recording')
  })

  it('holds recording back for everyone while a newcomer who speaks has not answered', () => {
    const newcomer = { participantId: 'cara', name: 'Cara', role: 'candidate', joinedAt: 500 }
    const paused = decideRecording(
      facts({ speakers: [ida, cody, newcomer], receipts: [allow('ida', 100), allow('cody', 120)] }),
    )
    expect(paused.view.status).toBe('asking')
    expect(paused.blockedSince).toBe(500)
  })

  it('never asks with nobody who speaks', () => {
    expect(decideRecording(facts({ speakers: [] })).view.status).toBe('asking')
  })
})

describe('mayStoreChunk', () => {
  const on = decideRecording(facts({ receipts: [allow('ida', 100), allow('cody', 120)] }))
  it('takes the chunks of a person who allowed while recording', () => {
    expect(mayStoreChunk(on, 'cody', 1_000, 30_000, true)).toBe(true)
    expect(mayStoreChunk(on, 'someone-else', 1_000, 30_000, false)).toBe(false)
  })

  it('takes chunks in flight for the grace period after a pause or stop, not later', () => {
    const newcomer = { participantId: 'cara', name: 'Cara', role: 'candidate', joinedAt: 500 }
    const paused = decideRecording(
      facts({ speakers: [ida, cody, newcomer], receipts: [allow('ida', 100), allow('cody', 120)] }),
    )
    expect(mayStoreChunk(paused, 'cody', 500 + 30_000, 30_000, true)).toBe(true)
    expect(mayStoreChunk(paused, 'cody', 500 + 30_001, 30_000, true)).toBe(false)
    // the newcomer never allowed: nothing of theirs is taken
    expect(mayStoreChunk(paused, 'cara', 501, 30_000, false)).toBe(false)
    const stopped = decideRecording(facts({ request: { ...request, stoppedAt: 900 } }))
    expect(mayStoreChunk(stopped, 'cody', 910, 30_000, true)).toBe(true)
    expect(mayStoreChunk(stopped, 'cody', 910, 30_000, false)).toBe(false)
  })

  it('takes nothing more from a person who withdrew', () => {
    const withdrawn = decideRecording(
      facts({ receipts: [allow('ida', 100), allow('cody', 120), refuse('cody', 400)] }),
    )
    expect(mayStoreChunk(withdrawn, 'cody', 401, 30_000, true)).toBe(false)
    expect(mayStoreChunk(withdrawn, 'ida', 401, 30_000, true)).toBe(true)
  })
})

describe('the control document', () => {
  it('reads off when never written and writes only changes', () => {
    const doc = new Y.Doc()
    expect(readRecording(doc)).toEqual(recordingOff)
    const view = decideRecording(facts({ receipts: [allow('ida', 100)] })).view
    expect(writeRecording(doc, view)).toBe(true)
    expect(writeRecording(doc, view)).toBe(false)
    expect(readRecording(doc)).toEqual(view)
  })
})
