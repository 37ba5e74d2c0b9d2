import { describe, expect, it } from 'vitest'
import { backends, storePerTest } from '../test/store-backends'
import type { TranscriptLine } from './transcription-repo'

const line = (trackId: string, startMs: number, text: string): TranscriptLine => ({
  sessionId: 's1',
  trackId,
  participantId: `p-${trackId}`,
  name: 'Ada',
  role: 'candidate',
  startMs,
  endMs: startMs + 900,
  text,
})

const claimAt = (now: number) => ({ leaseMs: 60_000, maxAttempts: 3, now })

describe.each(backends)('transcription jobs on $name', (backend) => {
  const t = storePerTest(backend)

  it('gives each job to one worker, oldest first, and a lapsed lease to the next', async () => {
    const jobs = t.store.transcription
    await jobs.enqueue({ trackId: 't1', sessionId: 's1', participantId: 'p1' }, 1000)
    await jobs.enqueue({ trackId: 't2', sessionId: 's1', participantId: 'p2' }, 2000)
    const [a, b, none] = await Promise.all([
      jobs.claim(claimAt(5000)),
      jobs.claim(claimAt(5000)),
      jobs.claim(claimAt(5000)),
    ])
    const claimed = [a?.trackId, b?.trackId, none?.trackId].filter(Boolean).sort()
    expect(claimed).toEqual(['t1', 't2'])
    // t1's worker died: its lease lapses and the job is taken again, as a second attempt
    await jobs.progress('t2', 0.5, 100_000, 6000)
    const again = await jobs.claim(claimAt(70_000))
    expect(again).toMatchObject({ trackId: 't1', status: 'running', attempts: 2 })
    expect(await jobs.claim(claimAt(70_000))).toBeNull()
  })

  it('stores the lines and the job done at once, replacing an earlier attempt', async () => {
    const jobs = t.store.transcription
    await jobs.enqueue({ trackId: 't1', sessionId: 's1', participantId: 'p1' }, 1000)
    await jobs.claim(claimAt(2000))
    expect(await jobs.complete('t1', [line('t1', 5000, 'second'), line('t1', 3000, 'first')])).toBe(
      true,
    )
    expect((await jobs.linesFor('s1')).map((l) => l.text)).toEqual(['first', 'second'])
    expect((await jobs.jobsFor('s1'))[0]).toMatchObject({ status: 'done', progress: 1 })
    // queued again (the audio was replaced) and done again: the old lines go
    await jobs.enqueue({ trackId: 't1', sessionId: 's1', participantId: 'p1' }, 3000)
    await jobs.claim(claimAt(4000))
    await jobs.complete('t1', [line('t1', 3000, 'only')])
    expect((await jobs.linesFor('s1')).map((l) => l.text)).toEqual(['only'])
    expect(await jobs.pendingCount()).toBe(0)
  })

  it('retries a failure, then gives up; a deleted track drops stale results', async () => {
    const jobs = t.store.transcription
    await jobs.enqueue({ trackId: 't1', sessionId: 's1', participantId: 'p1' }, 1000)
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await jobs.claim(claimAt(2000 + attempt))).toMatchObject({ attempts: attempt })
      await jobs.fail('t1', 'ffmpeg could not read the track', 3)
    }
    expect((await jobs.jobsFor('s1'))[0]).toMatchObject({
      status: 'failed',
      error: 'ffmpeg could not read the track',
    })
    expect(await jobs.claim(claimAt(9000))).toBeNull()

    await jobs.enqueue({ trackId: 't2', sessionId: 's1', participantId: 'p2' }, 1000)
    await jobs.claim(claimAt(2000))
    await jobs.deleteForTrack('t2')
    expect(await jobs.complete('t2', [line('t2', 1, 'late')])).toBe(false)
    expect(await jobs.linesFor('s1')).toEqual([])
  })

  it('marks a job failed when its last attempt was abandoned', async () => {
    const jobs = t.store.transcription
    await jobs.enqueue({ trackId: 't1', sessionId: 's1', participantId: 'p1' }, 1000)
    for (let attempt = 1; attempt <= 3; attempt++) await jobs.claim(claimAt(attempt * 100_000))
    expect(await jobs.failAbandoned({ maxAttempts: 3, now: 1_000_000 })).toBe(1)
    expect((await jobs.jobsFor('s1'))[0]?.status).toBe('failed')
  })
})
