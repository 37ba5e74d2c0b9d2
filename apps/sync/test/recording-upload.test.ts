// Issue #22: audio chunks are taken only from a speaker who allowed, while the server says the
// round records; repeats are no-ops; bad input is a 4xx JSON answer and the server stays up.
import { request, type ClientRequest } from 'node:http'
import { readRecording } from '@mockroom/session-model'
import { describe, expect, it } from 'vitest'
import { controlClient, roomPerTest } from './control-kit'
import type { ListeningServer } from '../src/server/http-server'
import { consent, endTrack, joinSpeakers, putChunk, webmChunks } from './recording-kit'
import { provider, start, token, until } from './test-kit'

const MiB = 1024 * 1024
const room = roomPerTest('alipay-international-customers', {
  seed: joinSpeakers,
  start: 'in-test',
})

async function boot(extra: Parameters<typeof start>[1] = {}) {
  room.server = await start(room.dataDir, extra)
  return room.server.port
}

describe('consent, decided by the server', () => {
  it('records only once everyone who speaks allowed, and every browser sees it', async () => {
    const port = await boot()
    const watcher = await provider(port, 'ses1/control', await token('observer'))
    room.cleanups.push(watcher.close)
    const ida = await controlClient(port, 'ses1', await token('interviewer'))
    room.cleanups.push(() => ida.raw.ws.close())
    expect(await ida.send({ type: 'recording-ask', shownText: 'Record?' })).toMatchObject({
      ok: true,
    })
    await until(() => readRecording(watcher.doc).status === 'asking', watcher.doc)
    expect(readRecording(watcher.doc).people.map((p) => [p.role, p.answer])).toEqual([
      ['interviewer', 'allow'],
      ['candidate', 'pending'],
    ])
    // the candidate's chunks are refused before they answer
    const { chunks } = webmChunks(2, 2)
    const cand = await token('candidate')
    expect((await putChunk({ port, token: cand, seq: 0, body: chunks[0]! })).status).toBe(403)
    const requestId = readRecording(watcher.doc).requestId ?? ''
    const cody = await controlClient(port, 'ses1', cand)
    room.cleanups.push(() => cody.raw.ws.close())
    // observers are never asked
    const obs = await controlClient(port, 'ses1', await token('observer'))
    void obs.send({ type: 'recording-answer', requestId, allow: true, shownText: 'x' })
    expect((await obs.raw.closed).code).toBe(4403)
    const shown = 'Ida asks to record audio. Allow?'
    expect(
      await cody.send({ type: 'recording-answer', requestId, allow: true, shownText: shown }),
    ).toMatchObject({ ok: true })
    await until(() => readRecording(watcher.doc).status === 'recording', watcher.doc)
    // the receipt keeps who, when and the exact text
    const receipts = await room.store.recordings.consents(requestId)
    expect(receipts.map((r) => [r.participantId, r.answer, r.shownText])).toEqual([
      ['interviewer-1', 'allow', 'Record?'],
      ['candidate-1', 'allow', shown],
    ])
    expect((await putChunk({ port, token: cand, seq: 0, body: chunks[0]! })).status).toBe(200)
    // the interviewer stops it for everyone
    expect(await ida.send({ type: 'recording-stop' })).toMatchObject({ ok: true })
    await until(() => readRecording(watcher.doc).status === 'off', watcher.doc)
  })

  it('a refusal records nobody; a newcomer holds it back for everyone', async () => {
    const port = await boot({ uploads: { afterEndGraceMs: 0 } })
    const c = await consent(port, room.store, { candidate: false })
    room.cleanups.push(c.close)
    const { chunks } = webmChunks(1, 1)
    for (const role of ['interviewer', 'candidate'] as const) {
      const r = await putChunk({ port, token: await token(role), seq: 0, body: chunks[0]! })
      expect(r.status, role).not.toBe(200)
    }
    expect(await room.store.recordings.tracksForSession('ses1')).toEqual([])
    // the candidate changes their mind: recording runs
    const cody = await controlClient(port, 'ses1', await token('candidate'))
    room.cleanups.push(() => cody.raw.ws.close())
    await cody.send({
      type: 'recording-answer',
      requestId: c.requestId,
      allow: true,
      shownText: 'again',
    })
    const ida = await token('interviewer')
    expect((await putChunk({ port, token: ida, seq: 0, body: chunks[0]! })).status).toBe(200)
    // a second candidate joins: nothing more is taken from anyone until they answer
    await room.store.rooms.upsertParticipant(
      { id: 'cara', roomId: 'room1', name: 'Cara', role: 'candidate' },
      Date.now(),
    )
    await room.store.members.recordMember(
      { sessionId: 'ses1', participantId: 'cara', role: 'candidate' },
      Date.now(),
    )
    const r = await putChunk({ port, token: ida, seq: 1, body: chunks[0]!, trackId: 'track-0001' })
    expect(r.status).toBe(409)
    // the newcomer opening the room is asked: every browser sees who recording waits for
    const cara = await provider(
      port,
      'ses1/control',
      await token('candidate', 'ses1', { id: 'cara' }),
    )
    room.cleanups.push(cara.close)
    await until(() => readRecording(cara.doc).people.length === 3, cara.doc)
    expect(readRecording(cara.doc)).toMatchObject({ status: 'asking' })
    expect(readRecording(cara.doc).people.find((p) => p.participantId === 'cara')?.answer).toBe(
      'pending',
    )
  })
})

describe('chunk uploads', () => {
  it('stores chunks once, makes a playable file at the end and keeps its start', async () => {
    const port = await boot()
    const c = await consent(port, room.store, { candidate: true })
    room.cleanups.push(c.close)
    const cand = await token('candidate')
    const { whole, chunks } = webmChunks(3, 4)
    // inside the session's span (earlier is clamped to the session's creation)
    const startedAt = ((await room.store.sessions.get('ses1'))?.createdAt ?? 0) + 1
    for (const [seq, body] of chunks.entries())
      expect(await putChunk({ port, token: cand, seq, body, startedAt })).toEqual({
        status: 200,
        body: { seq, stored: true },
      })
    // a repeated sequence number (a lost answer, a reload) is a 200 no-op
    expect(await putChunk({ port, token: cand, seq: 1, body: chunks[1]! })).toEqual({
      status: 200,
      body: { seq: 1, stored: false },
    })
    expect(await room.store.recordings.chunkSeqs('track-0001')).toEqual([0, 1, 2, 3])
    expect((await endTrack(port, cand)).body).toEqual({ trackId: 'track-0001', finalized: true })
    const audio = await room.store.recordings.trackAudio('track-0001')
    expect(audio).toMatchObject({
      participantId: 'candidate-1',
      role: 'candidate',
      mimeType: 'audio/webm',
      startedAt,
    })
    expect(audio?.bytes.length).toBeGreaterThan(whole.length / 2)
    const [track] = await room.store.recordings.tracksForSession('ses1')
    expect(track?.durationMs).toBeGreaterThan(2_500)
    expect(track?.durationMs).toBeLessThan(3_500)
    // nothing after the file: a new sequence number is refused, a repeat is still a no-op
    expect((await putChunk({ port, token: cand, seq: 4, body: chunks[0]! })).status).toBe(409)
    expect((await putChunk({ port, token: cand, seq: 0, body: chunks[0]! })).status).toBe(200)
  })

  it('refuses what it must with 4xx JSON, and stays up', async () => {
    const port = await boot({ uploads: { chunkBytes: 64 * 1024 } })
    const c = await consent(port, room.store, { candidate: true })
    room.cleanups.push(c.close)
    const cand = await token('candidate')
    const ida = await token('interviewer')
    const body = new Uint8Array(100)
    const expectRefused = async (put: Parameters<typeof putChunk>[0], status: number) => {
      const r = await putChunk(put)
      expect(r.status, JSON.stringify(r.body)).toBe(status)
      expect(typeof (r.body as { error?: unknown }).error).toBe('string')
    }
    await expectRefused({ port, token: null, seq: 0, body }, 401)
    await expectRefused({ port, token: 'forged', seq: 0, body }, 401)
    await expectRefused({ port, token: await token('observer'), seq: 0, body }, 403)
    await expectRefused({ port, token: cand, seq: 'x', body }, 400)
    await expectRefused({ port, token: cand, seq: -1, body }, 400)
    await expectRefused({ port, token: cand, seq: 9_999_999, body }, 400)
    await expectRefused({ port, token: cand, seq: 0, body, trackId: 'bad id!' }, 400)
    await expectRefused({ port, token: cand, seq: 0, body, mimeType: 'text/html' }, 415)
    await expectRefused({ port, token: cand, seq: 0, body: new Uint8Array(0) }, 400)
    await expectRefused({ port, token: cand, seq: 0, body: new Uint8Array(65 * 1024) }, 413)
    await expectRefused({ port, token: cand, seq: 0, body, sessionId: 'nope' }, 401)
    // another person's track
    expect(
      (await putChunk({ port, token: ida, seq: 0, body, trackId: 'ida-track-1' })).status,
    ).toBe(200)
    await expectRefused({ port, token: cand, seq: 1, body, trackId: 'ida-track-1' }, 403)
    expect((await endTrack(port, cand, 'ida-track-1')).status).toBe(403)
    // after End plus the grace: nothing more
    await c.ida.send({ type: 'end' })
    const late = await boot2({ uploads: { afterEndGraceMs: 0 } })
    await expectRefused({ port: late, token: cand, seq: 0, body, trackId: 'cand-late-1' }, 409)
    const health = await fetch(`http://127.0.0.1:${port}/healthz`)
    expect(health.status).toBe(200)
  })

  it('stops reading at the cap while the client still sends, and answers before the body', async () => {
    const port = await boot()
    const c = await consent(port, room.store, { candidate: true })
    room.cleanups.push(c.close)
    const tok = await token('candidate')
    // no Content-Length (chunked): only counting the body finds it too large
    const u = rawPut(port, tok, undefined)
    for (let i = 0; i < 4; i++) u.req.write(Buffer.alloc(MiB))
    expect((await u.answer).status).toBe(413)
    // a declared size over the cap is refused from the headers, the body never read
    const declared = rawPut(port, tok, 10 * MiB)
    expect((await declared.answer).status).toBe(413)
    // 40 uploads without a token are refused from their headers at once
    const held = Array.from({ length: 40 }, () => rawPut(port, null, MiB))
    expect((await Promise.all(held.map((h) => h.answer))).map((a) => a.status)).toEqual(
      Array(40).fill(401),
    )
  })

  it('times out a body that arrives too slowly', async () => {
    const port = await boot({ uploads: { bodyTimeoutMs: 300 } })
    const c = await consent(port, room.store, { candidate: true })
    room.cleanups.push(c.close)
    const u = rawPut(port, await token('candidate'), 1000)
    expect((await u.answer).status).toBe(408)
  })
})

// a second server on the same data, started with other limits (the first keeps running)
let extra: ListeningServer | null = null
async function boot2(opts: Parameters<typeof start>[1]) {
  extra = await start(room.dataDir, opts)
  room.cleanups.push(() => void extra?.close())
  return extra.port
}

/** A PUT that sends 10 bytes and keeps the request open; the answer may come before the body. */
function rawPut(port: number, tok: string | null, declared: number | undefined) {
  const req: ClientRequest = request({
    host: '127.0.0.1',
    port,
    method: 'PUT',
    path: '/sessions/ses1/tracks/track-raw-1/chunks/0',
    headers: {
      'content-type': 'audio/webm',
      'x-started-at': String(Date.now()),
      ...(tok ? { authorization: `Bearer ${tok}` } : {}),
      ...(declared !== undefined ? { 'content-length': declared } : {}),
    },
  })
  room.cleanups.push(() => req.destroy())
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      res.on('error', reject)
    })
    req.on('error', () => undefined)
  })
  req.write(Buffer.alloc(10))
  return { req, answer }
}
