import { monitorEventLoopDelay } from 'node:perf_hooks'
import { answerDocName } from '@mockroom/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { JoinResponse, WaitingResponse } from '../src/contract/join'
import { REVIEW_CACHE_BYTES } from '../src/server/http/http-limits'
import { joinRoom } from '../src/server/join/join-room'
import { answerReplays, createAnswerReplays } from '../src/server/review/answer-replays'
import { buildRecord, buildRecordJson } from '../src/server/review/review-records'
import { createRoom } from '../src/server/rooms/create-room'
import type { ServerContext } from '../src/server/server-context'
import { openTestContext } from './test-context'

// Issue 27, finding 3(a): one user's large answer (7 MiB plus 20,000 one-character updates)
// against everyone else's reviews.
let ctx: ServerContext
let close: () => Promise<void>
const urls = { origin: 'http://app.test', syncUrl: 'ws://app.test:1234' }
const capOf = (link: string | undefined) => link?.split('/join/')[1] ?? ''
const MiB = 1024 * 1024

async function reviewableRoom() {
  const room = await createRoom(
    ctx,
    { questionId: 'alipay-international-customers', mode: 'interview' },
    urls.origin,
  )
  const cap = capOf(room.links.interviewer)
  const me = await joinRoom(ctx, { capability: cap, name: 'Ivy' }, urls)
  return { cap, sessionId: room.sessionId, proof: me }
}

/** 7 MiB in one update, then 20,000 one-character updates from a second browser. */
async function fillAnswer(sessionId: string) {
  const doc = answerDocName(sessionId)
  const rows: Array<{ doc: string; data: Uint8Array; author: string; createdAt: number }> = []
  const big = new Y.Doc()
  big.on('update', (data: Uint8Array) => rows.push({ doc, data, author: 'eve', createdAt: 1 }))
  const para = new Y.XmlElement('paragraph')
  para.insert(0, [new Y.XmlText()])
  big.getXmlFragment('section:clarify').insert(0, [para])
  ;(para.get(0) as Y.XmlText).insert(0, 'x'.repeat(7 * MiB))
  const typist = new Y.Doc()
  typist.on('update', (data: Uint8Array) =>
    rows.push({ doc, data, author: 'eve', createdAt: 2 + rows.length }),
  )
  const text = new Y.XmlText()
  const p2 = new Y.XmlElement('paragraph')
  p2.insert(0, [text])
  typist.getXmlFragment('section:metrics').insert(0, [p2])
  for (let i = 0; i < 20_000; i++) text.insert(text.length, 'a')
  for (let i = 0; i < rows.length; i += 2000)
    await ctx.store.updates.appendUpdates(rows.slice(i, i + 2000))
  return rows.length
}

/** A log just long enough to be replayed in a thread. */
async function fillTyping(sessionId: string, n = 600) {
  const rows: Array<{ doc: string; data: Uint8Array; author: string; createdAt: number }> = []
  const doc = new Y.Doc()
  doc.on('update', (data: Uint8Array) =>
    rows.push({ doc: answerDocName(sessionId), data, author: 'eve', createdAt: rows.length }),
  )
  const text = new Y.XmlText()
  doc.getXmlFragment('section:clarify').insert(0, [text])
  for (let i = 0; i < n; i++) text.insert(text.length, 'b')
  await ctx.store.updates.appendUpdates(rows)
}

let big: Awaited<ReturnType<typeof reviewableRoom>>
let small: Awaited<ReturnType<typeof reviewableRoom>>
let updates = 0
beforeAll(async () => {
  ;({ ctx, close } = await openTestContext('mockroom-review-load-'))
  big = await reviewableRoom()
  small = await reviewableRoom()
  updates = await fillAnswer(big.sessionId)
}, 60_000)
afterAll(async () => {
  await answerReplays().close()
  await close()
})

const proofOf = (r: JoinResponse | WaitingResponse) => ({
  participantId: r.participantId,
  participantKey: r.participantKey,
})

describe('reviews of a large answer', () => {
  it('are replayed off the request thread: other reviews and the event loop keep going', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 })
    let peakRss = 0
    const rss0 = process.memoryUsage().rss
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20)
    delay.enable()
    const large = buildRecordJson(ctx.store, big.cap, big.sessionId, proofOf(big.proof))
    // another session's review, asked while the large one replays
    const t0 = performance.now()
    const other = await buildRecord(ctx.store, small.cap, small.sessionId, proofOf(small.proof))
    const otherMs = performance.now() - t0
    const json = await large
    delay.disable()
    clearInterval(sampler)
    const record = JSON.parse(json ?? 'null') as {
      answerUpdates: unknown[]
      answer: Record<string, string>
    }
    expect(record.answerUpdates).toHaveLength(updates)
    expect(other?.answerUpdates).toEqual([])
    const maxStallMs = delay.max / 1e6
    const growthMb = (peakRss - rss0) / MiB
    console.log(
      `other review ${otherMs.toFixed(0)} ms, longest stall ${maxStallMs.toFixed(0)} ms, peak rss +${growthMb.toFixed(0)} MB`,
    )
    // before: the replay held the thread 1.1-3.5 s and grew memory by 430-490 MB
    expect(maxStallMs).toBeLessThan(600)
    expect(otherMs).toBeLessThan(600)
    expect(growthMb).toBeLessThan(200)
  })

  it('are cached per session until a new update, within the cache bound', async () => {
    const replays = answerReplays()
    await buildRecordJson(ctx.store, big.cap, big.sessionId, proofOf(big.proof))
    const { builds } = replays.stats()
    for (let i = 0; i < 5; i++)
      await buildRecordJson(ctx.store, big.cap, big.sessionId, proofOf(big.proof))
    expect(replays.stats().builds).toBe(builds)
    expect(replays.stats().bytes).toBeLessThanOrEqual(REVIEW_CACHE_BYTES)
    // the API's spliced JSON is the record, field for field
    const json = await buildRecordJson(ctx.store, big.cap, big.sessionId, proofOf(big.proof))
    expect(JSON.parse(json ?? 'null')).toEqual(
      await buildRecord(ctx.store, big.cap, big.sessionId, proofOf(big.proof)),
    )
    // a new update: the next review replays again and shows it
    const late = new Y.Doc()
    let data: Uint8Array = new Uint8Array()
    late.on('update', (u: Uint8Array) => (data = u))
    late.getXmlFragment('section:solutions').insert(0, [new Y.XmlElement('paragraph')])
    await ctx.store.updates.appendUpdates([
      { doc: answerDocName(big.sessionId), data, author: 'eve', createdAt: 99_999 },
    ])
    const record = await buildRecord(ctx.store, big.cap, big.sessionId, proofOf(big.proof))
    expect(record?.answerUpdates).toHaveLength(updates + 1)
    expect(replays.stats().builds).toBe(builds + 1)
  })

  it('wait in a bounded queue: beyond it a review is a 503, not another replay', async () => {
    const replays = createAnswerReplays({ threads: 1, maxQueued: 1 })
    const sessions = [big.sessionId, 'm1', 'm2', 'm3', 'm4']
    for (const s of sessions.slice(1)) await fillTyping(s)
    const outcomes = await Promise.all(
      sessions.map((s) =>
        replays.get(ctx.store, s, ['clarify']).then(
          () => 200,
          (err: { status?: number }) => err.status ?? 500,
        ),
      ),
    )
    await replays.close()
    expect(outcomes.filter((s) => s === 200)).toHaveLength(2)
    expect(outcomes.filter((s) => s === 503)).toHaveLength(3)
  })

  it('are never kept beyond the cache bound', async () => {
    const replays = createAnswerReplays({ maxCacheBytes: 1 * MiB })
    const part = await replays.get(ctx.store, big.sessionId, ['clarify', 'metrics'])
    expect(part.answer.metrics).toBe('a'.repeat(20_000))
    expect(part.authorship.metrics).toEqual([{ author: 'eve', chars: 20_000 }])
    expect(part.answer.clarify?.length).toBe(7 * MiB)
    await replays.get(ctx.store, small.sessionId, ['clarify'])
    expect(replays.stats().bytes).toBeLessThanOrEqual(1 * MiB)
    expect(replays.stats().entries).toBe(1)
    await replays.close()
  })
})
