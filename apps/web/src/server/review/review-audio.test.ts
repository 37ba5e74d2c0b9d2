import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCapability, hashCapability } from '@mockroom/access/server'
import { openStore, type Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HttpError } from '../http/http-error'
import { audioResponse, deleteOwnAudio, parseRange } from './review-audio'
import { buildRecord } from './review-records'

let dir: string
let store: Store
const cap = createCapability()
const otherRoomCap = createCapability()
const key = createCapability()

async function room(roomId: string, sessionId: string, capability: string) {
  await store.rooms.createRoom({
    roomId,
    sessionId,
    questionId: 'alipay-international-customers',
    mode: 'interview',
    links: [
      { role: 'candidate', capabilityHash: hashCapability(capability), sealedCapability: 'x' },
    ],
    now: 1,
  })
}

async function track(trackId: string, participantId: string, bytes: number[]) {
  await store.recordings.putChunk({
    trackId,
    sessionId: 's1',
    requestId: 'q1',
    participantId,
    name: participantId === 'p-c' ? 'Cody' : 'Ivy',
    role: participantId === 'p-c' ? 'candidate' : 'interviewer',
    mimeType: 'audio/webm;codecs=opus',
    startedAt: 5,
    seq: 0,
    data: new Uint8Array(bytes),
    now: 5,
  })
  const file = { bytes: new Uint8Array(bytes), mimeType: 'audio/webm', durationMs: 1000 }
  await store.recordings.saveFile(trackId, file, 6)
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mockroom-audio-'))
  store = await openStore({ dataDir: dir })
  await room('r1', 's1', cap)
  await room('r2', 's2', otherRoomCap)
  await store.rooms.upsertParticipant(
    { id: 'p-c', roomId: 'r1', name: 'Cody', role: 'candidate' },
    1,
  )
  await store.members.setKeyHash('p-c', hashCapability(key))
  await store.members.recordMember({ sessionId: 's1', participantId: 'p-c', role: 'candidate' }, 1)
  await track(
    'cody-track-1',
    'p-c',
    Array.from({ length: 1000 }, (_, i) => i % 256),
  )
  await track('ivy-track-1', 'p-i', [1, 2, 3])
})
afterEach(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

const get = (capability: string, trackId: string, headers: Record<string, string> = {}, q = '') =>
  audioResponse(
    store,
    new Request(`http://x/api/review/${capability}/s1/audio/${trackId}${q}`, { headers }),
    { capability, sessionId: 's1', trackId },
  )

describe('parseRange', () => {
  it('reads one range, open and suffix ranges, and refuses what lies outside', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 })
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 })
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 })
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 })
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable')
    expect(parseRange('bytes=0-1,5-9', 1000)).toBeNull()
    expect(parseRange(null, 1000)).toBeNull()
  })
})

describe('the review audio route', () => {
  it('serves a track whole, in ranges and as a download, and says so in the record', async () => {
    const whole = await get(cap, 'cody-track-1')
    expect(whole.status).toBe(200)
    expect(whole.headers.get('content-type')).toBe('audio/webm')
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    expect((await whole.arrayBuffer()).byteLength).toBe(1000)
    const part = await get(cap, 'cody-track-1', { range: 'bytes=10-19' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe('bytes 10-19/1000')
    expect(Array.from(new Uint8Array(await part.arrayBuffer()))).toEqual([
      10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    ])
    expect((await get(cap, 'cody-track-1', { range: 'bytes=5000-' })).status).toBe(416)
    const file = await get(cap, 'cody-track-1', {}, '?download=1')
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="Cody-/)
    const record = await buildRecord(store, cap, 's1')
    expect(
      record?.audio?.tracks.map((t) => [t.trackId, t.name, t.startedAt, t.durationMs]),
    ).toEqual([
      ['cody-track-1', 'Cody', 5, 1000],
      ['ivy-track-1', 'Ivy', 5, 1000],
    ])
  })

  it('is not found for another room, an unknown link or a track of another round', async () => {
    const status = (p: Promise<Response>) =>
      p.then(
        (r) => r.status,
        (e: unknown) => (e instanceof HttpError ? e.status : 500),
      )
    expect(await status(get(otherRoomCap, 'cody-track-1'))).toBe(404)
    expect(await status(get(createCapability(), 'cody-track-1'))).toBe(404)
    expect(await status(get(cap, 'no-such-track'))).toBe(404)
  })

  it("deletes only the proven person's own audio", async () => {
    const del = (headers: Record<string, string>) =>
      deleteOwnAudio(store, new Request('http://x/', { method: 'DELETE', headers }), {
        capability: cap,
        sessionId: 's1',
      })
    await expect(del({})).rejects.toMatchObject({ status: 403 })
    expect(await del({ 'x-participant-id': 'p-c', 'x-participant-key': key })).toEqual({
      deleted: 1,
    })
    expect(await store.recordings.trackAudio('cody-track-1')).toBeNull()
    expect(await store.recordings.trackAudio('ivy-track-1')).not.toBeNull()
  })
})
