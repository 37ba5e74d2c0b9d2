import { openTestContext } from '../../../test/test-context'
import type { Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createRoom } from './create-room'
import { HttpError } from '../http/http-error'
import type {
  JoinResponse as JoinResult,
  WaitingResponse as WaitingResult,
} from '../../contract/join'
import { joinRoom } from '../join/join-room'
import { refreshToken } from '../join/refresh-token'
import type { ServerContext } from '../server-context'
import { admissionStatus, decideAdmission, listWaiting, replaceRoomLinks } from './waiting-room'

// The waiting room and "New links" through the real join code on a real SQLite file.
let store: Store
let ctx: ServerContext
const urls = { origin: 'http://app.test', syncUrl: 'ws://app.test:1234' }
const capOf = (link: string | undefined) => link?.split('/join/')[1] ?? ''

let close: () => Promise<void>
beforeEach(async () => {
  ;({ ctx, close } = await openTestContext('mockroom-waiting-'))
  store = ctx.store
})
afterEach(() => close())

type Me = { participantId: string; participantKey?: string }
const join_ = (capability: string, name: string, me?: Me) =>
  joinRoom(
    ctx,
    { capability, name, participantId: me?.participantId, participantKey: me?.participantKey },
    urls,
  )
const status = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (err: unknown) => (err instanceof HttpError ? err.status : 500),
  )
function joined(r: JoinResult | WaitingResult): JoinResult {
  if ('waiting' in r) throw new Error('expected to be in')
  return r
}
function waiting(r: JoinResult | WaitingResult): WaitingResult {
  if (!('waiting' in r)) throw new Error('expected to wait')
  return r
}

async function liveRoom() {
  const room = await createRoom(
    ctx,
    { questionId: 'alipay-international-customers', mode: 'interview' },
    urls.origin,
  )
  const I = capOf(room.links.interviewer)
  const C = capOf(room.links.candidate)
  const O = capOf(room.links.observer)
  const ivy = joined(await join_(I, 'Ivy'))
  const cody = joined(await join_(C, 'Cody'))
  await store.sessions.markLive(room.sessionId)
  return { room, I, C, O, ivy, cody }
}

describe('the waiting room', () => {
  it('lets everyone in before Start', async () => {
    const room = await createRoom(
      ctx,
      { questionId: 'alipay-international-customers', mode: 'interview' },
      urls.origin,
    )
    expect('token' in (await join_(capOf(room.links.observer), 'Olga'))).toBe(true)
  })

  it('keeps a newcomer without a token until admitted; proven people go straight in', async () => {
    const r = await liveRoom()
    const zoe = waiting(await join_(r.O, 'Zoe Lee'))
    expect(zoe).not.toHaveProperty('token')
    expect(await listWaiting(ctx, r.room.roomId)).toMatchObject([
      { name: 'Zoe Lee', role: 'observer' },
    ])
    // polling or joining again while waiting gives no token either
    expect(await admissionStatus(ctx, zoe)).toBe('waiting')
    expect('waiting' in (await join_(r.O, 'Zoe Lee', zoe))).toBe(true)
    const proof = {
      capability: r.O,
      participantId: zoe.participantId,
      participantKey: zoe.participantKey ?? '',
    }
    expect(await status(refreshToken(ctx, proof))).toBe(403)
    // Ivy and Cody reloading are not held
    expect(joined(await join_(r.I, 'Ivy', r.ivy)).role).toBe('interviewer')
    expect(joined(await join_(r.C, 'Cody', r.cody)).role).toBe('candidate')

    await decideAdmission(ctx, r.room.roomId, zoe.participantId, 'admit')
    expect(await admissionStatus(ctx, zoe)).toBe('admitted')
    expect(joined(await join_(r.O, 'Zoe Lee', zoe)).role).toBe('observer')
    expect(await listWaiting(ctx, r.room.roomId)).toEqual([])
    expect(await status(decideAdmission(ctx, r.room.roomId, zoe.participantId, 'admit'))).toBe(409)
  })

  it('turns away: the person is told and their key does not get them in', async () => {
    const r = await liveRoom()
    const mal = waiting(await join_(r.O, 'Mal'))
    await decideAdmission(ctx, r.room.roomId, mal.participantId, 'turn-away')
    expect(await admissionStatus(ctx, mal)).toBe('turned-away')
    expect(await status(join_(r.O, 'Mal', mal))).toBe(403)
  })

  it('sends a removed person in a fresh browser to the waiting room, even before Start', async () => {
    const room = await createRoom(
      ctx,
      { questionId: 'alipay-international-customers', mode: 'interview' },
      urls.origin,
    )
    const O = capOf(room.links.observer)
    const olga = joined(await join_(O, 'Olga'))
    await store.rooms.markParticipantRemoved(olga.participantId, 5)
    expect(await status(join_(O, 'Olga', olga))).toBe(403)
    expect(await admissionStatus(ctx, olga)).toBe('removed')
    expect('waiting' in (await join_(O, 'Olga again'))).toBe(true)
  })
})

describe('new links', () => {
  it('revoke the old ones for newcomers; people already in keep renewing', async () => {
    const r = await liveRoom()
    const claims = {
      roomId: r.room.roomId,
      sessionId: r.room.sessionId,
      participantId: r.ivy.participantId,
      role: 'interviewer' as const,
      name: 'Ivy',
    }
    const links = await replaceRoomLinks(ctx, claims, urls.origin)
    expect(Object.keys(links).sort()).toEqual(['candidate', 'interviewer', 'observer'])
    expect(links.candidate).not.toBe(r.room.links.candidate)
    expect(await status(join_(r.C, 'Someone'))).toBe(404)
    expect(await status(join_(r.O, 'Someone'))).toBe(404)
    expect(joined(await join_(r.C, 'Cody', r.cody)).role).toBe('candidate')
    expect(joined(await join_(r.I, 'Ivy', r.ivy)).links).toEqual(links)
    // the new link works, through the waiting room since the interview is live
    expect('waiting' in (await join_(capOf(links.observer), 'Nia'))).toBe(true)
  })
})
