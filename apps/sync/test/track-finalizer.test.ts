// Issue #22: tracks whose tab vanished are finished by the sweep (ffmpeg, then transcription's
// queue), and audio past the retention is deleted with its server transcript lines.
import type { Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedRoom } from './control-kit'
import { webmChunks } from './recording-kit'
import { logger, tempDataDir } from './test-kit'
import { trackFinalizer } from '../src/session/track-finalizer'

let store: Store

beforeEach(async () => {
  store = await seedRoom(tempDataDir(), 'alipay-international-customers')
  await store.recordings.openRequest({ id: 'q1', sessionId: 'ses1', askedBy: 'i', askedAt: 1 })
})
afterEach(() => store.close())

async function put(trackId: string, chunks: Buffer[], now: number) {
  for (const [seq, data] of chunks.entries())
    await store.recordings.putChunk({
      trackId,
      sessionId: 'ses1',
      requestId: 'q1',
      participantId: 'candidate-1',
      name: 'Cody',
      role: 'candidate',
      mimeType: 'audio/webm;codecs=opus',
      startedAt: now,
      seq,
      data: new Uint8Array(data),
      now,
    })
}

describe('the track finalizer', () => {
  it('finishes an idle track once, queues it for transcription, and keeps a busy one open', async () => {
    const now = Date.now()
    const { chunks } = webmChunks(2, 3)
    await put('idle-track-1', chunks, now - 200_000)
    await put('busy-track-1', chunks, now)
    let queued = 0
    const sweep = trackFinalizer({
      store,
      logger,
      graceMs: 30_000,
      idleMs: 120_000,
      retentionMs: 0,
      onTranscriptionQueued: () => queued++,
    })
    await sweep.sweep(now)
    const idle = await store.recordings.trackAudio('idle-track-1')
    expect(idle?.mimeType).toBe('audio/webm')
    expect((await store.recordings.track('idle-track-1'))?.durationMs).toBeGreaterThan(1_500)
    expect(await store.recordings.trackAudio('busy-track-1')).toBeNull()
    expect((await store.transcription.jobsFor('ses1')).map((j) => j.trackId)).toEqual([
      'idle-track-1',
    ])
    expect(queued).toBe(1) // the supervisor was told
    // asked twice at once, the file is made once
    const both = await Promise.all([sweep.finalize('busy-track-1'), sweep.finalize('busy-track-1')])
    expect(both).toEqual([true, true])
    expect(await sweep.finalize('busy-track-1')).toBe(false)
    expect(queued).toBe(2)
  })

  it('keeps what ffmpeg cannot read as it came', async () => {
    await put('junk-track-1', [Buffer.from('not audio at all')], Date.now())
    const sweep = trackFinalizer({ store, logger, graceMs: 0, idleMs: 0, retentionMs: 0 })
    expect(await sweep.finalize('junk-track-1')).toBe(true)
    const audio = await store.recordings.trackAudio('junk-track-1')
    expect(Buffer.from(audio?.bytes ?? []).toString()).toBe('not audio at all')
  })

  it('deletes audio older than the retention, and its transcription', async () => {
    const now = Date.now()
    const { chunks } = webmChunks(1, 1)
    await put('old-track-1', chunks, now - 10 * 86_400_000)
    await put('new-track-1', chunks, now)
    for (const trackId of ['old-track-1', 'new-track-1'])
      await store.transcription.enqueue({
        trackId,
        sessionId: 'ses1',
        participantId: 'candidate-1',
      })
    const sweep = trackFinalizer({
      store,
      logger,
      graceMs: 30_000,
      idleMs: 120_000,
      retentionMs: 7 * 86_400_000,
    })
    await sweep.sweep(now)
    expect(await store.recordings.track('old-track-1')).toBeNull()
    expect(await store.recordings.chunkSeqs('old-track-1')).toEqual([])
    expect(await store.recordings.track('new-track-1')).not.toBeNull()
    // the transcription's job (and lines) of the deleted track went with it (deleteForTrack)
    expect((await store.transcription.jobsFor('ses1')).map((j) => j.trackId)).toEqual([
      'new-track-1',
    ])
  })
})
