// Seeded, bounded fuzzing of the sync server (issue 11): malformed frames of every kind from every
// role on every document while honest clients keep editing. Afterwards the server is alive, honest
// clients agree, memory stayed bounded and the stored documents reload exactly.
import { encodeControlRequest, encodeSyncStep1, encodeUpdate } from '@mockroom/protocol'
import { appendParagraph, readSectionText } from '@mockroom/session-model'
import * as encoding from 'lib0/encoding'
import * as prng from 'lib0/prng'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { awarenessFrame, deletionUpdate, nestedDoc, pendingUpdates, structAt } from './attack-kit'
import type { ListeningServer } from '../src/server/http-server'
import { provider, rawClient, start, tempDataDir, token, until, type RawClient } from './test-kit'

const SEED = Number(process.env.FUZZ_SEED ?? 20261202)
const FRAMES_PER_PAIR = 160
const roles = ['interviewer', 'candidate', 'observer'] as const
const docs = ['answer', 'private', 'control'] as const

const deep = Y.encodeStateAsUpdate(nestedDoc(100))
const xml = (doc: Y.Doc) => doc.getXmlFragment('section:clarify').toJSON()

function frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  write(e)
  return encoding.toUint8Array(e)
}

/** One hostile frame; `victims` are honest clients' Yjs ids (for foreign awareness and deletes). */
function hostileFrame(gen: prng.PRNG, victims: number[]): Uint8Array {
  const client = prng.oneOf(gen, [...victims, prng.uint32(gen, 1, 2 ** 31)])
  const huge = prng.oneOf(gen, [2 ** 24, 2 ** 31, 2 ** 40, Number.MAX_SAFE_INTEGER])
  const valid = () => {
    const d = new Y.Doc()
    appendParagraph(d, prng.oneOf(gen, ['clarify', 'segments']), prng.word(gen, 1, 30))
    return Y.encodeStateAsUpdate(d)
  }
  const mangle = (u: Uint8Array) => {
    const copy = u.slice(0, prng.bool(gen) ? u.length : prng.uint32(gen, 0, u.length))
    const at = prng.uint32(gen, 0, Math.max(0, copy.length - 1))
    if (copy.length > 0) copy[at] = (copy[at] ?? 0) ^ (1 << prng.uint32(gen, 0, 7))
    return copy
  }
  const kinds: Array<() => Uint8Array> = [
    () => prng.uint8Array(gen, prng.uint32(gen, 0, 64)),
    () =>
      frame(prng.uint32(gen, 0, 300), (e) => encoding.writeUint8Array(e, prng.uint8Array(gen, 16))),
    () => frame(0, (e) => encoding.writeVarUint(e, prng.uint32(gen, 0, 5))),
    () => encodeSyncStep1(Object.assign(new Y.Doc(), {})),
    () =>
      frame(
        0,
        (e) => (
          encoding.writeVarUint(e, 0),
          encoding.writeVarUint8Array(e, prng.uint8Array(gen, 12))
        ),
      ),
    () => encodeUpdate(valid()),
    () => encodeUpdate(mangle(valid())),
    () => encodeUpdate(prng.oneOf(gen, pendingUpdates(2, prng.uint32(gen, 1, 2000), client))),
    () => encodeUpdate(structAt(client, huge, { text: 'far ahead' })),
    () => encodeUpdate(structAt(client, prng.uint32(gen, 0, 50), { gcLength: huge })),
    () =>
      encodeUpdate(
        deletionUpdate(client, prng.uint32(gen, 0, 100), prng.oneOf(gen, [1, 50, huge])),
      ),
    () => encodeUpdate(prng.bool(gen) ? deep : mangle(deep)),
    () =>
      awarenessFrame(prng.oneOf(gen, victims), prng.uint32(gen, 0, 2 ** 31), { caption: 'spoof' }),
    () => awarenessFrame(prng.oneOf(gen, victims), prng.uint32(gen, 0, 2 ** 31), null),
    () => awarenessFrame(client, 1, { big: 'x'.repeat(prng.uint32(gen, 0, 20_000)) }),
    () => frame(1, (e) => encoding.writeVarUint8Array(e, mangle(prng.uint8Array(gen, 30)))),
    () => frame(3, () => {}),
    () => frame(100, (e) => encoding.writeVarString(e, prng.word(gen, 0, 40))),
    () =>
      encodeControlRequest({
        id: prng.uint32(gen, 0, 1000),
        action: prng.oneOf(gen, [
          { type: 'note', text: prng.word(gen, 1, 50) },
          { type: 'transcript', startMs: -1e15, endMs: 1e15, text: 'x' },
          { type: 'reveal', questionId: prng.word(gen, 0, 300) },
          { type: 'remove', participantId: 'nobody' },
          { type: 'pause' },
        ] as never[]),
      }),
  ]
  return prng.oneOf(gen, kinds)()
}

let server: ListeningServer
const cleanups: Array<() => void> = []
afterAll(async () => {
  for (const c of cleanups.splice(0)) c()
  await server.close()
})

// Sends frames until the budget is used, reconnecting whenever the server closes the socket.
async function hostile(
  port: number,
  gen: prng.PRNG,
  role: (typeof roles)[number],
  doc: string,
  victims: number[],
) {
  const tok = await token(role, 'ses1', { id: `fuzz-${role}` })
  const codes: number[] = []
  let left = FRAMES_PER_PAIR
  while (left > 0) {
    const c: RawClient = await rawClient(port, `ses1/${doc}`, tok)
    let closed = false
    void c.closed.then(({ code }) => ((closed = true), codes.push(code)))
    const batch = Math.min(left, prng.uint32(gen, 1, 12))
    left -= batch
    for (let i = 0; i < batch && !closed; i++) c.ws.send(hostileFrame(gen, victims))
    // barrier: the step-2 reply comes after every earlier frame was handled (or the socket closed)
    if (!closed) c.ws.send(encodeSyncStep1(new Y.Doc()))
    await Promise.race([c.closed, c.next((f) => f[0] === 0 && f[1] === 1)])
    c.ws.close()
    await c.closed
  }
  return codes
}

describe('fuzz', () => {
  it(
    `survives hostile frames from every role on every document (seed ${SEED})`,
    { timeout: 30_000 },
    async () => {
      const dataDir = tempDataDir()
      server = await start(dataDir, {
        rates: {
          connectionsPerAddress: { points: 100_000, duration: 60 },
          connectionsPerSession: { points: 100_000, duration: 60 },
        },
      })
      const port = server.port
      const alice = await provider(port, 'ses1/answer', await token('interviewer'))
      const bob = await provider(port, 'ses1/answer', await token('candidate'))
      const notes = await provider(port, 'ses1/private', await token('interviewer'))
      cleanups.push(alice.close, bob.close, notes.close)
      alice.p.awareness.setLocalStateField('caption', 'honest')
      const victims = [alice.doc.clientID, bob.doc.clientID, notes.doc.clientID]
      const rssBefore = process.memoryUsage().rss
      const gen = prng.create(SEED)
      const closeCodes = new Map<number, number>()
      let round = 0
      for (const role of roles) {
        for (const doc of docs) {
          appendParagraph(round % 2 ? alice.doc : bob.doc, 'clarify', `honest ${round++}`)
          appendParagraph(notes.doc, 'clarify', `note ${round}`)
          for (const code of await hostile(port, gen, role, doc, victims))
            closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1)
        }
      }
      // alive, and honest clients agree on everything, including their last words
      const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as {
        ok: boolean
      }
      expect(health.ok).toBe(true)
      appendParagraph(alice.doc, 'segments', 'last from alice')
      appendParagraph(bob.doc, 'segments', 'last from bob')
      const both = (d: Y.Doc) =>
        /last from alice/.test(readSectionText(d, 'segments')) &&
        /last from bob/.test(readSectionText(d, 'segments'))
      await until(() => both(alice.doc), alice.doc)
      await until(() => both(bob.doc), bob.doc)
      expect(Y.encodeStateVector(alice.doc)).toEqual(Y.encodeStateVector(bob.doc))
      expect(xml(alice.doc)).toBe(xml(bob.doc))
      expect(readSectionText(alice.doc, 'clarify')).toContain(`honest ${round - 1}`)
      expect(
        (alice.p.awareness.getStates().get(alice.doc.clientID) as { caption?: string }).caption,
      ).toBe('honest')
      const rssGrowth = process.memoryUsage().rss - rssBefore
      expect(rssGrowth).toBeLessThan(200 * 1024 * 1024)
      // every kind of refusal was exercised
      for (const code of [4400, 4403, 4413, 4422])
        expect(closeCodes.get(code) ?? 0).toBeGreaterThan(0)
      // the stored documents reload exactly as the honest clients hold them
      const expected = {
        answer: Y.encodeStateVector(alice.doc),
        private: Y.encodeStateVector(notes.doc),
      }
      const texts = {
        answer: xml(alice.doc),
        private: xml(notes.doc),
      }
      for (const c of cleanups.splice(0)) c()
      await server.close()
      server = await start(dataDir)
      for (const name of ['answer', 'private'] as const) {
        const again = await provider(server.port, `ses1/${name}`, await token('interviewer'))
        cleanups.push(again.close)
        expect(Y.encodeStateVector(again.doc)).toEqual(expected[name])
        expect(xml(again.doc)).toBe(texts[name])
      }
      console.log(
        `fuzz seed ${SEED}: close codes ${JSON.stringify([...closeCodes])}, rss +${Math.round(rssGrowth / 1048576)} MB`,
      )
    },
  )
})
