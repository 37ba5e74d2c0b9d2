import { describe, expect, it } from 'vitest'
import { backends, storePerTest } from '../test/store-backends'

const chunk = (seq: number, data: number[], over: Partial<{ participantId: string }> = {}) => ({
  trackId: 't1',
  sessionId: 's1',
  requestId: 'q1',
  participantId: over.participantId ?? 'p1',
  name: 'Cody',
  role: 'candidate',
  mimeType: 'audio/webm;codecs=opus',
  startedAt: 1_000,
  seq,
  data: new Uint8Array(data),
  now: 2_000 + seq,
})

describe.each(backends)('recordings on $name', (backend) => {
  const t = storePerTest(backend)

  it('keeps requests and consent receipts as shown', async () => {
    await t.store.recordings.openRequest({ id: 'q1', sessionId: 's1', askedBy: 'pi', askedAt: 10 })
    const receipt = {
      requestId: 'q1',
      sessionId: 's1',
      participantId: 'p1',
      name: 'Cody',
      role: 'candidate',
      answer: 'allow' as const,
      shownText: 'Ida asks to record audio.',
      createdAt: 11,
    }
    await t.store.recordings.saveConsent(receipt)
    await t.store.recordings.saveConsent({ ...receipt, answer: 'refuse', createdAt: 12 })
    expect(await t.store.recordings.consents('q1')).toEqual([
      receipt,
      { ...receipt, answer: 'refuse', createdAt: 12 },
    ])
    expect(await t.store.recordings.latestRequest('s1')).toMatchObject({
      id: 'q1',
      stoppedAt: null,
    })
    expect(await t.store.recordings.stopRequest('q1', 'pi', 20)).toBe(true)
    expect(await t.store.recordings.stopRequest('q1', 'pi', 21)).toBe(false)
    expect(await t.store.recordings.latestRequest('s1')).toMatchObject({ stoppedAt: 20 })
  })

  it('stores chunks once per sequence number and hands out the repaired file', async () => {
    const first = await t.store.recordings.putChunk(chunk(0, [1, 2, 3]))
    expect(first).toMatchObject({ stored: true, track: { bytes: 3, chunks: 1, lastSeq: 0 } })
    // a repeated sequence number is a no-op that keeps the first bytes
    expect(await t.store.recordings.putChunk(chunk(0, [9, 9]))).toMatchObject({
      stored: false,
      track: { bytes: 3 },
    })
    await t.store.recordings.putChunk(chunk(1, [4, 5]))
    // someone else's track id is refused
    expect(await t.store.recordings.putChunk(chunk(2, [6], { participantId: 'p2' }))).toEqual({
      stored: false,
      conflict: 'owner',
    })
    expect(await t.store.recordings.chunkSeqs('t1')).toEqual([0, 1])
    expect((await t.store.recordings.chunks('t1')).map((c) => Array.from(c.data))).toEqual([
      [1, 2, 3],
      [4, 5],
    ])
    expect(await t.store.recordings.sessionBytes('s1')).toBe(5)
    expect(await t.store.recordings.trackAudio('t1')).toBeNull()
    expect((await t.store.recordings.unfinalized()).map((t) => t.trackId)).toEqual(['t1'])

    const file = { bytes: new Uint8Array([7, 7, 7]), mimeType: 'audio/webm', durationMs: 5_000 }
    // made of fewer chunks than are stored: not saved (made again with all of them)
    expect(await t.store.recordings.saveFile('t1', file, 3_000, 1)).toBe(false)
    expect(await t.store.recordings.saveFile('t1', file, 3_000, 2)).toBe(true)
    expect(await t.store.recordings.saveFile('t1', file, 3_001, 2)).toBe(false)
    const audio = await t.store.recordings.trackAudio('t1')
    expect(audio).toMatchObject({
      trackId: 't1',
      sessionId: 's1',
      participantId: 'p1',
      name: 'Cody',
      role: 'candidate',
      mimeType: 'audio/webm',
      startedAt: 1_000,
    })
    expect(Array.from(audio?.bytes ?? [])).toEqual([7, 7, 7])
    expect(await t.store.recordings.unfinalized()).toEqual([])
    // the file holds the chunks: they are gone, and no chunk is taken after it
    expect(await t.store.recordings.chunkSeqs('t1')).toEqual([])
    expect(await t.store.recordings.putChunk(chunk(2, [8]))).toEqual({
      stored: false,
      conflict: 'ended',
    })
    expect(await t.store.recordings.chunkSeqs('t1')).toEqual([])
    expect(await t.store.recordings.tracksForSession('s1')).toMatchObject([
      { trackId: 't1', durationMs: 5_000, finalizedAt: 3_000 },
    ])

    expect(await t.store.recordings.tracksOlderThan(2_001)).toEqual(['t1'])
    await t.store.recordings.deleteTrack('t1')
    expect(await t.store.recordings.trackAudio('t1')).toBeNull()
    expect(await t.store.recordings.chunkSeqs('t1')).toEqual([])
    expect(await t.store.recordings.tracksForSession('s1')).toEqual([])
  })
})
