import { openTestContext } from '../../../test/test-context'
import { verifySessionToken } from '@mockroom/access/server'
import type { Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createRoom } from '../rooms/create-room'
import { joinRoom } from './join-room'
import { refreshToken } from './refresh-token'
import type { ServerContext } from '../server-context'

let store: Store
let ctx: ServerContext
const urls = { origin: 'http://app.test', syncUrl: 'ws://app.test:1234' }
const capOf = (link: string) => link.split('/join/')[1] ?? ''

let close: () => Promise<void>
beforeEach(async () => {
  ;({ ctx, close } = await openTestContext('mockroom-token-'))
  store = ctx.store
})
afterEach(() => close())

async function joined() {
  const room = await createRoom(
    ctx,
    { questionId: 'alipay-international-customers', mode: 'interview' },
    urls.origin,
  )
  const capability = capOf(room.links.candidate)
  const me = await joinRoom(ctx, { capability, name: 'Cody' }, urls)
  // the room never goes live here, so nobody waits
  if ('waiting' in me) throw new Error('Cody was put in the waiting room')
  const proof = {
    capability,
    participantId: me.participantId,
    participantKey: me.participantKey ?? '',
  }
  return { room, me, proof }
}

describe('token refresh', () => {
  it('signs a token for the same person and round, and writes no row', async () => {
    const { me, proof } = await joined()
    const before = await store.rooms.findParticipant(me.participantId)
    const fresh = await refreshToken(ctx, proof, Date.now() + 5_000)
    const claims = await verifySessionToken(fresh.token, ctx.secret)
    expect(claims).toMatchObject({
      participantId: me.participantId,
      sessionId: me.sessionId,
      role: 'candidate',
      name: 'Cody',
    })
    expect(fresh.sessionId).toBe(me.sessionId)
    expect(fresh.expiresAt).toBeGreaterThan(me.expiresAt)
    // the participant row (last seen) is untouched: a refresh is not a join
    expect(await store.rooms.findParticipant(me.participantId)).toEqual(before)
  })

  it('refuses a wrong key, another link, and a removed person', async () => {
    const { room, me, proof } = await joined()
    await expect(
      refreshToken(ctx, { ...proof, participantKey: 'x'.repeat(32) }),
    ).rejects.toMatchObject({
      status: 401,
    })
    await expect(
      refreshToken(ctx, { ...proof, capability: capOf(room.links.observer) }),
    ).rejects.toMatchObject({ status: 401 })
    await store.rooms.markParticipantRemoved(me.participantId, Date.now())
    await expect(refreshToken(ctx, proof)).rejects.toMatchObject({ status: 403 })
  })

  it('hands out the current round, so the browser knows to join it', async () => {
    const { me, proof } = await joined()
    const current = await store.sessions.get(me.sessionId)
    if (!current) throw new Error('no session')
    const next = await store.sessions.createNext(current, {
      sessionId: 'round-2',
      questionId: 'alipay-international-customers',
      now: Date.now(),
    })
    if (!next) throw new Error('no next round')
    const fresh = await refreshToken(ctx, proof)
    expect(fresh.sessionId).toBe(next.id)
    // the candidate link interviews in round 2
    expect((await verifySessionToken(fresh.token, ctx.secret)).role).toBe('interviewer')
  })
})
