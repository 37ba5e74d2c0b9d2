import { openTestContext } from './test-context'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { JoinResponse, WaitingResponse } from '../src/contract/join'
import { HttpError } from '../src/server/http/http-error'
import { MAX_WAITING_PER_ROOM, RATE_LIMITS } from '../src/server/http/http-limits'
import { joinRoom } from '../src/server/join/join-room'
import { verifySessionToken } from '@mockroom/access/server'
import { createRoom } from '../src/server/rooms/create-room'
import { decideAdmission, listWaiting } from '../src/server/rooms/waiting-room'
import type { ServerContext } from '../src/server/server-context'

// Issue 27, finding 6: fake waiters on one observer link, and renames around the waiting room.
let ctx: ServerContext
let close: () => Promise<void>
beforeEach(async () => {
  ;({ ctx, close } = await openTestContext('mockroom-waiting-flood-'))
})
afterEach(() => close())

const capOf = (link: string | undefined) => link?.split('/join/')[1] ?? ''
const urlsFrom = (address: string) => ({
  origin: 'http://app.test',
  syncUrl: 'ws://app.test:1234',
  address,
})

async function liveRoom() {
  const room = await createRoom(
    ctx,
    { questionId: 'alipay-international-customers', mode: 'interview' },
    'http://app.test',
  )
  await joinRoom(ctx, { capability: capOf(room.links.interviewer), name: 'Ivy' }, urlsFrom('a'))
  await ctx.store.sessions.markLive(room.sessionId)
  return { room, O: capOf(room.links.observer) }
}

async function attempt(p: Promise<JoinResponse | WaitingResponse>) {
  try {
    return { status: 'waiting' in (await p) ? 202 : 200, result: await p }
  } catch (err) {
    if (err instanceof HttpError) return { status: err.status, result: null }
    throw err
  }
}

describe('the waiting room', () => {
  it('holds a bounded list, with a bounded share per address, however many fake waiters come', async () => {
    const { room, O } = await liveRoom()
    const statuses: number[] = []
    // 300 newcomers on the observer link from 10 addresses
    for (let i = 0; i < 300; i++) {
      const r = await attempt(
        joinRoom(ctx, { capability: O, name: `Fake ${i}` }, urlsFrom(`10.0.0.${i % 10}`)),
      )
      statuses.push(r.status)
    }
    const waiting = await listWaiting(ctx, room.roomId)
    expect(waiting).toHaveLength(MAX_WAITING_PER_ROOM)
    expect(statuses.filter((s) => s === 202)).toHaveLength(MAX_WAITING_PER_ROOM)
    expect(statuses.filter((s) => s === 429)).toHaveLength(300 - MAX_WAITING_PER_ROOM)
    // what the interviewer's poll carries stays small
    expect(JSON.stringify({ waiting }).length).toBeLessThan(3_000)
    // one address alone gets its share, not the whole list
    const { room: other, O: O2 } = await liveRoom()
    for (let i = 0; i < 30; i++)
      await attempt(joinRoom(ctx, { capability: O2, name: `Eve ${i}` }, urlsFrom('192.0.2.1')))
    expect(await listWaiting(ctx, other.roomId)).toHaveLength(RATE_LIMITS.waiting.points)
    const someoneElse = await attempt(
      joinRoom(ctx, { capability: O2, name: 'Olga' }, urlsFrom('192.0.2.2')),
    )
    expect(someoneElse.status).toBe(202)
  })

  it('shows the name the interviewer admitted: no renames while waiting or after', async () => {
    const { room, O } = await liveRoom()
    const first = await joinRoom(ctx, { capability: O, name: 'Olga' }, urlsFrom('b'))
    if (!('waiting' in first)) throw new Error('expected to wait')
    const me = { participantId: first.participantId, participantKey: first.participantKey }
    // renaming while waiting keeps the first name
    const again = await joinRoom(
      ctx,
      { capability: O, name: 'The Interviewer', ...me },
      urlsFrom('b'),
    )
    expect(again.name).toBe('Olga')
    expect((await listWaiting(ctx, room.roomId)).map((w) => w.name)).toEqual(['Olga'])
    await decideAdmission(ctx, room.roomId, first.participantId, 'admit')
    // after being admitted, the token and the people list carry the admitted name
    const inside = await joinRoom(
      ctx,
      { capability: O, name: 'Somebody Else', ...me },
      urlsFrom('b'),
    )
    if ('waiting' in inside) throw new Error('expected to be in')
    expect(inside.name).toBe('Olga')
    expect((await verifySessionToken(inside.token, ctx.secret)).name).toBe('Olga')
    expect((await ctx.store.rooms.findParticipant(first.participantId))?.name).toBe('Olga')
  })
})
