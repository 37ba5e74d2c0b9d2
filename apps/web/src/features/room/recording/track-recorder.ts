import { chunkKey, chunkQueue } from './chunk-queue'

/** Opus in WebM where the browser has it, else AAC in MP4 (Safari); null: no recording here. */
export function recordingMimeType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null
  for (const t of ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4'])
    if (MediaRecorder.isTypeSupported(t)) return t
  return null
}

// a closed tab loses at most the chunk being recorded
export const CHUNK_MS = 5_000

/**
 * Records one microphone track segment: MediaRecorder on the published track, a chunk every few
 * seconds into IndexedDB (numbered from 0), then the track's end. Mute keeps it running (silence
 * keeps the clock); the track ending (a replaced microphone) ends the segment.
 */
export class TrackRecorder {
  readonly trackId = crypto.randomUUID()
  private seq = 0
  private readonly recorder: MediaRecorder
  private writes: Promise<void> = Promise.resolve()
  readonly done: Promise<void>

  constructor(
    readonly track: MediaStreamTrack,
    private readonly o: {
      sessionId: string
      mimeType: string
      /** server ms now (the first sample's time) */
      serverNow: () => number
      /** a chunk or the end was queued */
      onQueued: () => void
      /** the uploader that must not treat this track as an orphan */
      live: Set<string>
    },
  ) {
    this.recorder = new MediaRecorder(new MediaStream([track]), { mimeType: o.mimeType })
    const startedAt = o.serverNow()
    const base = { sessionId: o.sessionId, trackId: this.trackId, mimeType: o.mimeType, startedAt }
    o.live.add(this.trackId)
    void chunkQueue.put({ ...base, key: `${this.trackId}:open`, kind: 'open', seq: -1, data: null })
    this.recorder.ondataavailable = (e) => {
      if (e.data.size === 0) return
      const seq = this.seq++
      this.queue(() =>
        chunkQueue.put({
          ...base,
          key: chunkKey(this.trackId, seq),
          kind: 'chunk',
          seq,
          data: e.data,
        }),
      )
    }
    this.done = new Promise((resolve) => {
      this.recorder.onstop = () => {
        this.queue(() =>
          chunkQueue.put({ ...base, key: `${this.trackId}:end`, kind: 'end', seq: -1, data: null }),
        )
        void this.writes.then(() => {
          o.live.delete(this.trackId)
          resolve()
        })
      }
    })
    this.recorder.start(CHUNK_MS)
  }

  // IndexedDB writes in order, each followed by a nudge to the uploader
  private queue(write: () => Promise<void>) {
    this.writes = this.writes
      .then(write)
      .then(() => this.o.onQueued())
      .catch(() => {})
  }

  get recording(): boolean {
    return this.recorder.state === 'recording'
  }

  stop(): Promise<void> {
    if (this.recorder.state !== 'inactive') this.recorder.stop()
    return this.done
  }
}
