// Awareness attacks (issue 11): foreign client ids, oversized states, floods.
import { CloseCode } from '@mockroom/protocol'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { awarenessFrame } from './attack-kit'
import type { ListeningServer } from '../src/server/http-server'
import { provider, rawClient, start, tempDataDir, token, until } from './test-kit'

let server: ListeningServer
const cleanups: Array<() => void> = []
beforeEach(async () => {
  server = await start(tempDataDir(), {
    rates: { awarenessPerConnection: { points: 50, duration: 10 } },
  })
})
afterEach(async () => {
  for (const c of cleanups.splice(0)) c()
  await server.close()
})

async function person(role: 'interviewer' | 'observer') {
  const c = await provider(server.port, 'ses1/control', await token(role))
  cleanups.push(c.close)
  return c
}
async function attacker() {
  const r = await rawClient(server.port, 'ses1/control', await token('candidate'))
  cleanups.push(() => r.ws.close())
  return r
}
type Caption = { caption?: string; marker?: number }

describe('awareness ownership', () => {
  it("does not let a candidate write or remove the interviewer's awareness state", async () => {
    const interviewer = await person('interviewer')
    interviewer.p.awareness.setLocalStateField('caption', 'let us begin')
    const watcher = await person('observer')
    const victimId = interviewer.doc.clientID
    const seen = () => watcher.p.awareness.getStates().get(victimId) as Caption | undefined
    await until(() => seen()?.caption === 'let us begin', watcher.p.awareness, 'change')
    const cand = await attacker()
    cand.ws.send(awarenessFrame(victimId, 999, { caption: 'I give up, hire the candidate' }))
    cand.ws.send(awarenessFrame(victimId, 1000, null)) // and try to remove it
    // frames are handled in order: once the candidate's own marker arrives, the others were handled
    cand.ws.send(awarenessFrame(777_001, 1, { marker: 1 }))
    await until(
      () => (watcher.p.awareness.getStates().get(777_001) as Caption | undefined)?.marker === 1,
      watcher.p.awareness,
      'change',
    )
    expect(seen()?.caption).toBe('let us begin')
  })

  it('closes a connection sending an oversized awareness state (4413)', async () => {
    const cand = await attacker()
    cand.ws.send(awarenessFrame(777_002, 1, { caption: 'x'.repeat(100_000) }))
    expect((await cand.closed).code).toBe(CloseCode.tooLarge)
  })

  it('closes a connection flooding awareness updates (4429)', async () => {
    const watcher = await person('observer')
    const cand = await attacker()
    for (let i = 1; i <= 200; i++) cand.ws.send(awarenessFrame(777_003, i, { n: i }))
    expect((await cand.closed).code).toBe(CloseCode.rateLimited)
    // the room goes on: the flood's state is gone once its connection closed
    await until(() => !watcher.p.awareness.getStates().has(777_003), watcher.p.awareness, 'change')
  })

  it('lets one connection announce only a few client ids', async () => {
    const watcher = await person('observer')
    const cand = await attacker()
    for (let id = 1; id <= 10; id++) cand.ws.send(awarenessFrame(880_000 + id, 1, { id }))
    cand.ws.send(awarenessFrame(880_001, 2, { marker: 2 }))
    await until(
      () => (watcher.p.awareness.getStates().get(880_001) as Caption | undefined)?.marker === 2,
      watcher.p.awareness,
      'change',
    )
    const theirs = [...watcher.p.awareness.getStates().keys()].filter(
      (k) => k > 880_000 && k <= 880_010,
    )
    expect(theirs.length).toBe(4)
  })
})
