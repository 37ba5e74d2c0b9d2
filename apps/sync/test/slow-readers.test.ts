// Issue #27, finding 2: a connection that keeps sending but stops reading holds a bounded number
// of bytes on the server, is closed with 4503, and awareness changes are relayed coalesced.
import type { Socket } from 'node:net'
import { CloseCode, MessageType } from '@mockroom/protocol'
import * as decoding from 'lib0/decoding'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { awarenessFrame } from './attack-kit'
import type { ListeningServer } from '../src/server/http-server'
import { MAX_BUFFERED_BYTES } from '../src/server/socket-group'
import { provider, rawClient, start, tempDataDir, token, until, type RawClient } from './test-kit'

const MiB = 1024 * 1024

let server: ListeningServer
const cleanups: Array<() => void> = []
/** the server's word that it closed the slow reader on this client port */
const closedPorts = new Map<number, () => void>()

beforeEach(async () => {
  // the server logs each slow reader it closes, with the peer's port
  const logger = pino(
    { level: 'warn' },
    {
      write(line: string) {
        const entry = JSON.parse(line) as { msg: string; peerPort?: number }
        if (entry.msg === 'slow reader closed' && entry.peerPort)
          closedPorts.get(entry.peerPort)?.()
      },
    },
  )
  // room for megabytes of text, so only the slow readers' buffers are in question
  server = await start(tempDataDir(), {
    logger,
    limits: { docBytes: 256 * MiB, sessionBytes: 512 * MiB },
  })
})
afterEach(async () => {
  for (const c of cleanups.splice(0)) c()
  await server.close()
})

const isAwareness = (f: Uint8Array) =>
  decoding.readVarUint(decoding.createDecoder(f)) === MessageType.awareness

/** An observer that sends an awareness update every 200 ms (alive, within every rate limit) and never reads. */
async function slowReader(i: number): Promise<RawClient> {
  const c = await rawClient(
    server.port,
    'ses1/answer',
    await token('observer', 'ses1', { id: `slow-${i}` }),
  )
  const tcp = (c.ws as unknown as { _socket: Socket })._socket
  tcp.pause()
  // once the server gave up on it, it reads again: the close frame behind the backlog arrives
  closedPorts.set(tcp.localPort ?? 0, () => tcp.resume())
  let clock = 0
  const clientId = 900 + i
  const timer = setInterval(() => {
    if (c.ws.readyState === c.ws.OPEN) c.ws.send(awarenessFrame(clientId, ++clock, { user: { i } }))
  }, 200)
  cleanups.push(() => (clearInterval(timer), c.ws.terminate()))
  return c
}

describe('slow readers', () => {
  it('are closed with 4503 at a bounded buffer while honest peers keep up', async () => {
    const slow = await Promise.all(Array.from({ length: 6 }, (_, i) => slowReader(i)))
    const writer = await provider(server.port, 'ses1/answer', await token('interviewer'))
    const reader = await provider(
      server.port,
      'ses1/answer',
      await token('observer', 'ses1', { id: 'honest' }),
    )
    cleanups.push(writer.close, reader.close)
    const text = writer.doc.getText('filler')
    const chunk = 'x'.repeat(256 * 1024)
    let most = 0
    for (let i = 0; i < 40; i++) {
      text.insert(text.length, chunk)
      // each edit is relayed before the next is read: the honest reader keeps pace
      await until(() => reader.doc.getText('filler').length === text.length, reader.doc)
      most = Math.max(most, server.bufferedBytes())
    }
    const timeout = new Promise<{ code: number }>((r) => setTimeout(() => r({ code: 0 }), 10_000))
    const codes = await Promise.all(slow.map((c) => Promise.race([c.closed, timeout])))
    expect(
      codes.map((c) => c.code),
      `most bytes waiting on the server: ${(most / MiB).toFixed(1)} MB`,
    ).toEqual(Array(6).fill(CloseCode.slowReader))
    // per slow socket: the cap plus the one message that crossed it
    expect(most).toBeLessThan(6 * (MAX_BUFFERED_BYTES + 512 * 1024))
    // once they are gone, what waited for them is freed
    expect(server.bufferedBytes()).toBeLessThan(MiB)
    expect(reader.doc.getText('filler').length).toBe(40 * chunk.length)
  })

  it('relays a burst of awareness changes to each member in a few frames', async () => {
    const watcher = await rawClient(
      server.port,
      'ses1/answer',
      await token('observer', 'ses1', { id: 'watch' }),
    )
    cleanups.push(() => watcher.ws.terminate())
    const senders = await Promise.all(
      [1, 2, 3].map(async (i) => {
        const c = await rawClient(
          server.port,
          'ses1/answer',
          await token('observer', 'ses1', { id: `s${i}` }),
        )
        cleanups.push(() => c.ws.terminate())
        return c
      }),
    )
    const before = watcher.frames.filter(isAwareness).length
    // 3 clients × 20 changes sent at once; the last state of each must arrive
    senders.forEach((c, i) => {
      for (let clock = 1; clock <= 20; clock++)
        c.ws.send(awarenessFrame(700 + i, clock, { user: { clock } }))
    })
    const lastOf = (id: number) => (f: Uint8Array) =>
      isAwareness(f) && Buffer.from(f).includes(Buffer.from('"clock":20')) && hasClient(f, id)
    await Promise.all([700, 701, 702].map((id) => watcher.next(lastOf(id))))
    const frames = watcher.frames.filter(isAwareness).length - before
    expect(frames).toBeLessThanOrEqual(10)
  })
})

// whether an awareness frame carries an entry for `clientId` (y-protocols encoding)
function hasClient(frame: Uint8Array, clientId: number): boolean {
  const d = decoding.createDecoder(frame)
  decoding.readVarUint(d)
  const u = decoding.createDecoder(decoding.readVarUint8Array(d))
  const n = decoding.readVarUint(u)
  for (let i = 0; i < n; i++) {
    const id = decoding.readVarUint(u)
    decoding.readVarUint(u)
    const json = decoding.readVarString(u)
    if (id === clientId && json.includes('"clock":20')) return true
  }
  return false
}
