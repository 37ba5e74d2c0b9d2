import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Store, TrackRow } from '@mockroom/store'
import type { Logger } from '../observability/logger'

export interface FinalizerOptions {
  store: Store
  logger: Logger
  ffmpegPath?: string
  ffprobePath?: string
  /** after End or a stop, chunks may still come this long (then the file is made) */
  graceMs: number
  /** a track with no chunk for this long belongs to a tab that vanished: its file is made */
  idleMs: number
  /** audio older than this is deleted; 0 keeps it forever */
  retentionMs: number
  /** a finished track was queued for transcription (the supervisor looks at once) */
  onTranscriptionQueued?: () => void
}

/** Runs a program with arguments (never a shell) and resolves with its stdout. */
function run(cmd: string, args: string[], timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-2000)))
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(out)
      else reject(new Error(`${cmd} exited with ${code}: ${err.trim()}`))
    })
  })
}

/**
 * Concatenates a track's chunks and repairs the container with ffmpeg (`-c copy`: MediaRecorder's
 * WebM has no duration or cues); the duration comes from ffprobe. Null when ffmpeg cannot read it.
 */
export async function repairTrack(
  chunks: Uint8Array[],
  mimeType: string,
  tools: { ffmpeg: string; ffprobe: string },
): Promise<{ bytes: Uint8Array; mimeType: string; durationMs: number | null } | null> {
  const mp4 = mimeType.startsWith('audio/mp4')
  const ext = mp4 ? 'mp4' : 'webm'
  const dir = await mkdtemp(join(tmpdir(), 'mockroom-track-'))
  try {
    const input = join(dir, `in.${ext}`)
    const output = join(dir, `out.${ext}`)
    await writeFile(input, Buffer.concat(chunks))
    await run(tools.ffmpeg, [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-i',
      input,
      '-c',
      'copy',
      ...(mp4 ? ['-movflags', '+faststart'] : []),
      output,
    ])
    const probed = await run(tools.ffprobe, [
      '-v',
      'error',
      '-show_entries',
      'format=duration',
      '-of',
      'default=noprint_wrappers=1:nokey=1',
      output,
    ]).catch(() => '')
    const seconds = Number.parseFloat(probed)
    return {
      bytes: new Uint8Array(await readFile(output)),
      mimeType: mp4 ? 'audio/mp4' : 'audio/webm',
      durationMs: Number.isFinite(seconds) ? Math.round(seconds * 1000) : null,
    }
  } catch {
    return null
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Makes each ended track's file once, hands it to transcription, and deletes old audio. */
export function trackFinalizer(options: FinalizerOptions) {
  const { store, logger } = options
  const tools = {
    ffmpeg: options.ffmpegPath ?? 'ffmpeg',
    ffprobe: options.ffprobePath ?? 'ffprobe',
  }
  const running = new Map<string, Promise<boolean>>()

  async function make(track: TrackRow): Promise<boolean> {
    const chunks = await store.recordings.chunks(track.trackId)
    if (chunks.length === 0) return false
    const repaired = await repairTrack(
      chunks.map((c) => c.data),
      track.mimeType,
      tools,
    )
    if (!repaired) logger.warn({ trackId: track.trackId }, 'ffmpeg could not repair a track')
    // an unreadable recording is still kept as it came (its owner may download or delete it)
    const file = repaired ?? {
      bytes: new Uint8Array(Buffer.concat(chunks.map((c) => c.data))),
      mimeType: track.mimeType,
      durationMs: null,
    }
    const saved = await store.recordings.saveFile(track.trackId, file, Date.now(), chunks.length)
    // the transcription worker takes it from here (store.transcription)
    if (saved) {
      await store.transcription.enqueue({
        trackId: track.trackId,
        sessionId: track.sessionId,
        participantId: track.participantId,
      })
      options.onTranscriptionQueued?.()
    }
    return saved
  }

  /** Makes the file of one track (once, even when asked twice at once). */
  function finalize(trackId: string): Promise<boolean> {
    const pending = running.get(trackId)
    if (pending) return pending
    const task = (async () => {
      const track = await store.recordings.track(trackId)
      if (!track || track.finalizedAt !== null) return false
      return make(track)
    })().finally(() => running.delete(trackId))
    running.set(trackId, task)
    return task
  }

  /** Whether no more chunks are to be expected for a track. */
  async function isDone(track: TrackRow, now: number): Promise<boolean> {
    if (track.endedAt !== null) return true
    const [session, request, last] = await Promise.all([
      store.sessions.get(track.sessionId),
      store.recordings.latestRequest(track.sessionId),
      store.recordings.lastChunkAt(track.trackId),
    ])
    if (session?.endedAt != null && now > session.endedAt + options.graceMs) return true
    if (request && request.id !== track.requestId) return true
    if (request?.stoppedAt != null && now > request.stoppedAt + options.graceMs) return true
    return last !== null && now - last > options.idleMs
  }

  async function sweep(now = Date.now()): Promise<void> {
    for (const track of await store.recordings.unfinalized()) {
      if (await isDone(track, now)) await finalize(track.trackId)
    }
    if (options.retentionMs > 0) {
      for (const trackId of await store.recordings.tracksOlderThan(now - options.retentionMs))
        await deleteTrack(store, trackId)
    }
  }

  let timer: NodeJS.Timeout | null = null
  let first: NodeJS.Timeout | null = null
  let sweeping: Promise<void> | null = null
  return {
    finalize,
    sweep,
    /** sweeps every `intervalMs` (the first soon after start: tracks left by a crash) */
    start(intervalMs: number) {
      const tick = () => {
        if (sweeping) return
        sweeping = sweep()
          .catch((err: unknown) => logger.warn({ err }, 'sweeping audio tracks failed'))
          .finally(() => (sweeping = null))
      }
      timer = setInterval(tick, intervalMs)
      timer.unref()
      first = setTimeout(tick, 1_000)
      first.unref()
    },
    async stop() {
      if (timer) clearInterval(timer)
      if (first) clearTimeout(first)
      await sweeping
      await Promise.allSettled(running.values())
    },
  }
}

/** Deletes a track's audio and its server transcript lines. */
export async function deleteTrack(store: Store, trackId: string): Promise<void> {
  await store.transcription.deleteForTrack(trackId)
  await store.recordings.deleteTrack(trackId)
}

export type TrackFinalizer = ReturnType<typeof trackFinalizer>
