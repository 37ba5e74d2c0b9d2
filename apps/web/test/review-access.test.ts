import { createCapability, hashCapability, sealCapability } from '@mockroom/access/server'
import { roles } from '@mockroom/access'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { JoinResponse, WaitingResponse } from '../src/contract/join'
import { HttpError } from '../src/server/http/http-error'
import { joinRoom } from '../src/server/join/join-room'
import { currentReviewPath } from '../src/server/review/review-link'
import { buildRecord, listSessions } from '../src/server/review/review-records'
import { createRoom } from '../src/server/rooms/create-room'
import type { ServerContext } from '../src/server/server-context'
import { openTestContext } from './test-context'

// Issue 27, finding 8: a removed observer and a retired link reach no review.
let ctx: ServerContext
let close: () => Promise<void>
beforeEach(async () => {
  ;({ ctx, close } = await openTestContext('mockroom-review-access-'))
})
afterEach(() => close())

const urls = { origin: 'http://app.test', syncUrl: 'ws://app.test:1234' }
const capOf = (link: string | undefined) => link?.split('/join/')[1] ?? ''
const status = (p: Promise<unknown>) =>
  p.then(
    (v) => (v === null ? 404 : 200),
    (err: unknown) => (err instanceof HttpError ? err.status : 500),
  )
function inside(r: JoinResponse | WaitingResponse): JoinResponse {
  if ('waiting' in r) throw new Error('expected to be in')
  return r
}
const proofOf = (me: JoinResponse) => ({
  participantId: me.participantId,
  participantKey: me.participantKey,
})

async function roomWithObservers() {
  const room = await createRoom(
    ctx,
    { questionId: 'alipay-international-customers', mode: 'interview' },
    urls.origin,
  )
  const O = capOf(room.links.observer)
  inside(await joinRoom(ctx, { capability: capOf(room.links.interviewer), name: 'Ivy' }, urls))
  const olga = inside(await joinRoom(ctx, { capability: O, name: 'Olga' }, urls))
  const otto = inside(await joinRoom(ctx, { capability: O, name: 'Otto' }, urls))
  return { room, O, olga, otto }
}

describe('reviews after a removal', () => {
  it('a removed observer reads no round, with or without their proof headers', async () => {
    const { room, O, olga, otto } = await roomWithObservers()
    // before the removal the link alone opens the review, as for a fresh browser
    expect(await status(buildRecord(ctx.store, O, room.sessionId))).toBe(200)
    await ctx.store.rooms.markParticipantRemoved(olga.participantId, Date.now())
    expect(await status(buildRecord(ctx.store, O, room.sessionId, proofOf(olga)))).toBe(403)
    // omitting the headers no longer falls back to the link alone
    expect(await status(buildRecord(ctx.store, O, room.sessionId))).toBe(403)
    expect(await status(listSessions(ctx.store, O))).toBe(403)
    expect(
      await status(
        buildRecord(ctx.store, O, room.sessionId, { participantId: otto.participantId }),
      ),
    ).toBe(403)
    // an observer still in the room reads it with their proof
    expect(await status(buildRecord(ctx.store, O, room.sessionId, proofOf(otto)))).toBe(200)
    expect(await status(listSessions(ctx.store, O, proofOf(otto)))).toBe(200)
  })

  it('a link retired by "New links" leads to no review', async () => {
    const { room, O } = await roomWithObservers()
    expect(await currentReviewPath(ctx.store, O)).toBe(
      `/review/${O}/${encodeURIComponent(room.sessionId)}`,
    )
    const fresh = roles.map((role) => ({ role, capability: createCapability() }))
    await ctx.store.rooms.replaceLinks(
      room.roomId,
      fresh.map((l) => ({
        role: l.role,
        capabilityHash: hashCapability(l.capability),
        sealedCapability: sealCapability(l.capability, ctx.secret),
      })),
      Date.now(),
    )
    expect(await currentReviewPath(ctx.store, O)).toBeNull()
    expect(await status(buildRecord(ctx.store, O, room.sessionId))).toBe(404)
    const observer = fresh.find((l) => l.role === 'observer')?.capability ?? ''
    expect(await currentReviewPath(ctx.store, observer)).toMatch(/^\/review\//)
  })
})
