import { openTestContext } from './test-context'
import { NOTES_FRAGMENT, setRubricEntry } from '@mockroom/session-model'
import type { Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createRoom } from '../src/server/rooms/create-room'
import { HttpError } from '../src/server/http/http-error'
import type { JoinResponse as JoinResult } from '../src/contract/join'
import { joinRoom } from '../src/server/join/join-room'
import type { ServerContext } from '../src/server/server-context'
import { requireSession } from '../src/server/join/session-auth'
import { buildRecord, listSessions } from '../src/server/review/review-records'

// The attacks of issue 11 on rounds, through the real join and review code on a real SQLite file.
let store: Store
let ctx: ServerContext
const urls = { origin: 'http://app.test', syncUrl: 'ws://app.test:1234' }
const capOf = (link: string | undefined) => link?.split('/join/')[1] ?? ''

let close: () => Promise<void>
beforeEach(async () => {
  ;({ ctx, close } = await openTestContext('mockroom-rounds-'))
  store = ctx.store
})
afterEach(() => close())

// these rounds never go live, so nobody waits to be admitted
async function join_(capability: string, name: string, me?: JoinResult, key?: string) {
  const result = await joinRoom(
    ctx,
    {
      capability,
      name,
      participantId: me?.participantId,
      participantKey: key ?? me?.participantKey,
    },
    urls,
  )
  if ('waiting' in result) throw new Error(`${name} was put in the waiting room`)
  return result
}

async function privateNote(sessionId: string, text: string) {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  doc.getXmlFragment(NOTES_FRAGMENT).insert(0, [new Y.XmlText(text)])
  setRubricEntry(doc, 'clarify', { score: 2, comment: text })
  await store.updates.appendUpdates(
    updates.map((data) => ({ doc: `${sessionId}/private`, data, author: 'x', createdAt: 1 })),
  )
}

/** Round 1 (Ivy interviews Cody), Ivy's private notes, then "Swap roles": round 2. */
async function twoRounds() {
  const room = await createRoom(
    ctx,
    { questionId: 'alipay-international-customers', mode: 'interview' },
    urls.origin,
  )
  const I = capOf(room.links.interviewer)
  const C = capOf(room.links.candidate)
  const ivy1 = await join_(I, 'Ivy')
  const cody1 = await join_(C, 'Cody')
  await privateNote(room.sessionId, 'round one secret about Cody')
  const first = await store.sessions.get(room.sessionId)
  if (!first) throw new Error('no session')
  const next = await store.sessions.createNext(first, {
    sessionId: 'round2',
    questionId: 'alipay-international-customers',
    now: 5,
  })
  if (!next) throw new Error('no next round')
  const cody2 = await join_(C, 'Cody', cody1)
  const ivy2 = await join_(I, 'Ivy', ivy1)
  await privateNote(next.id, 'round two secret about Ivy')
  return { room, I, C, ivy1, cody1, cody2, ivy2, s1: room.sessionId, s2: next.id }
}

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p
    return 200
  } catch (err) {
    if (err instanceof HttpError) return err.status
    throw err
  }
}

describe('rounds never leak private data', () => {
  it('keeps the roles by person across the swap', async () => {
    const r = await twoRounds()
    expect([r.ivy1.role, r.cody1.role, r.cody2.role, r.ivy2.role]).toEqual([
      'interviewer',
      'candidate',
      'interviewer',
      'candidate',
    ])
    expect(r.cody2.participantId).toBe(r.cody1.participantId)
  })

  it("never hands the round-2 interviewer round 1's interviewer link", async () => {
    const r = await twoRounds()
    const handed = Object.values(r.cody2.links ?? {}).map(capOf)
    expect(handed).not.toContain(r.I)
    expect(r.cody2.links?.observer).toBeDefined()
    // non-interviewers get no links at all
    expect(r.ivy2.links).toBeUndefined()
    expect(r.cody1.links).toBeUndefined()
  })

  it("does not give round 1's notes to whoever holds round 1's interviewer link", async () => {
    const r = await twoRounds()
    // the link alone (as the round-2 interviewer received it before)
    const byLink = await buildRecord(store, r.I, r.s1)
    expect(byLink?.private).toBeNull()
    expect(JSON.stringify(byLink)).not.toContain('round one secret')
    // Cody joins with that link as a new person (the candidate seat of round 2) and reviews
    const asNewcomer = await join_(r.I, 'Cody again')
    const proof = {
      participantId: asNewcomer.participantId,
      participantKey: asNewcomer.participantKey,
    }
    expect((await buildRecord(store, r.I, r.s1, proof))?.private).toBeNull()
    // with his own identity and link, round 1 was his candidate round
    const cody = { participantId: r.cody1.participantId, participantKey: r.cody1.participantKey }
    expect((await buildRecord(store, r.C, r.s1, cody))?.private).toBeNull()
    expect((await buildRecord(store, r.I, r.s1, cody))?.private).toBeNull()
  })

  it('gives each round its own interviewer, and only them, the private part', async () => {
    const r = await twoRounds()
    const ivy = { participantId: r.ivy1.participantId, participantKey: r.ivy1.participantKey }
    const cody = { participantId: r.cody1.participantId, participantKey: r.cody1.participantKey }
    expect((await buildRecord(store, r.I, r.s1, ivy))?.private?.notes).toContain('round one secret')
    expect((await buildRecord(store, r.I, r.s2, ivy))?.private).toBeNull()
    expect((await buildRecord(store, r.C, r.s2, cody))?.private?.notes).toContain('round two')
    expect((await buildRecord(store, r.C, r.s1, cody))?.private).toBeNull()
    const list = await listSessions(store, r.C, cody)
    expect(list?.sessions.map((s) => [s.round, s.role])).toEqual([
      [2, 'interviewer'],
      [1, 'candidate'],
    ])
  })

  it('keeps the round-2 candidate from taking the interviewer seat with the other link', async () => {
    const r = await twoRounds()
    // Ivy received the candidate link in round 1; after the swap it is the interviewer's seat
    expect(await status(join_(r.C, 'Ivy'))).toBe(409)
    expect(await status(join_(r.C, 'Ivy', r.ivy1))).toBe(409)
    // Cody, proven, still gets his seat back
    expect((await join_(r.C, 'Cody', r.cody1)).role).toBe('interviewer')
  })

  it('does not let a public participant id stand for its owner without the key', async () => {
    const r = await twoRounds()
    const forged = await joinRoom(
      ctx,
      { capability: r.I, name: 'Ivy', participantId: r.ivy1.participantId },
      urls,
    )
    expect(forged.participantId).not.toBe(r.ivy1.participantId)
    const wrongKey = await joinRoom(
      ctx,
      {
        capability: r.I,
        name: 'Ivy',
        participantId: r.ivy1.participantId,
        participantKey: r.cody1.participantKey,
      },
      urls,
    )
    expect(wrongKey.participantId).not.toBe(r.ivy1.participantId)
  })
})

describe('a removed participant', () => {
  it('gets no session API, no review, and their link does not bring them back', async () => {
    const r = await twoRounds()
    const token = new Request('http://app.test/api/livekit/token', {
      method: 'POST',
      headers: { authorization: `Bearer ${r.ivy2.token}` },
    })
    expect((await requireSession(ctx, token)).participantId).toBe(r.ivy1.participantId)
    await store.rooms.markParticipantRemoved(r.ivy1.participantId, 9)
    expect(await status(requireSession(ctx, token))).toBe(403)
    const ivy = { participantId: r.ivy1.participantId, participantKey: r.ivy1.participantKey }
    expect(await status(buildRecord(store, r.I, r.s1, ivy))).toBe(403)
    expect(await status(buildRecord(store, r.I, r.s1))).toBe(403)
    expect(await status(listSessions(store, r.I))).toBe(403)
    expect(await status(join_(r.I, 'Ivy', r.ivy1))).toBe(403)
    // a fresh browser on the same seat's link
    expect(await status(join_(r.I, 'Ivy in a new browser'))).toBe(403)
  })
})
