import type { Store, TranscriptLine } from '@mockroom/store'
import type { Transcriber } from './transcriber'

export interface JobRunnerDeps {
  store: Pick<Store, 'transcription' | 'recordings'>
  transcriber: Transcriber
  /** a job whose worker stops renewing this lease is taken again */
  leaseMs: number
  maxAttempts: number
  now?: () => number
  log?: (event: string, fields: Record<string, unknown>) => void
}

// progress rows are written at most this often (each one renews the lease too)
const PROGRESS_EVERY_MS = 2000

/**
 * Runs the oldest waiting job, if any: the track's audio from the store, through the engine, its
 * lines stored with the job's completion. False when nothing waited.
 */
export async function runNextJob(deps: JobRunnerDeps): Promise<boolean> {
  const now = deps.now ?? Date.now
  const { transcription, recordings } = deps.store
  await transcription.failAbandoned({ maxAttempts: deps.maxAttempts, now: now() })
  const job = await transcription.claim({
    leaseMs: deps.leaseMs,
    maxAttempts: deps.maxAttempts,
    now: now(),
  })
  if (!job) return false
  const started = now()
  try {
    const track = await recordings.trackAudio(job.trackId)
    // deleted by its owner since it was queued: nothing to transcribe, nothing to keep
    if (!track) {
      await transcription.deleteForTrack(job.trackId)
      return true
    }
    let written = 0
    let writing: Promise<unknown> = Promise.resolve()
    const segments = await deps.transcriber.transcribe({
      audio: track.bytes,
      mimeType: track.mimeType,
      sessionId: track.sessionId,
      speaker: { participantId: track.participantId, name: track.name, role: track.role },
      onProgress: (fraction) => {
        if (now() - written < PROGRESS_EVERY_MS || fraction >= 1) return
        written = now()
        writing = writing.then(() =>
          transcription.progress(job.trackId, fraction, now() + deps.leaseMs, now()),
        )
      },
    })
    await writing
    const lines: TranscriptLine[] = segments.map((s) => ({
      sessionId: track.sessionId,
      trackId: track.trackId,
      participantId: track.participantId,
      name: track.name,
      role: track.role,
      startMs: Math.round(track.startedAt + s.offsetMs),
      endMs: Math.round(track.startedAt + s.offsetMs + s.durationMs),
      text: s.text,
    }))
    const kept = await transcription.complete(job.trackId, lines, now())
    deps.log?.('transcribed', {
      trackId: job.trackId,
      lines: lines.length,
      ms: now() - started,
      kept,
    })
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    await transcription.fail(job.trackId, message, deps.maxAttempts, now())
    deps.log?.('transcription failed', { trackId: job.trackId, attempt: job.attempts, message })
  }
  return true
}
