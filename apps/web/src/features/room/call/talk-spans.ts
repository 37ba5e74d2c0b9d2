export interface Span {
  startMs: number
  endMs: number
}

// Long speech goes out in chunks, so a reload or a crash loses at most one chunk, and the server
// can stamp each chunk with the section running at the time.
export const TALK_CHUNK_MS = 5_000

/**
 * Turns "speaking / not speaking" changes (LiveKit's active-speaker signal for our own microphone)
 * into spans of time. Plain TypeScript: the hook feeds it events and the clock.
 */
export class TalkSpans {
  private start: number | null = null

  constructor(private readonly emit: (span: Span) => void) {}

  speaking(active: boolean, now: number): void {
    if (active && this.start === null) this.start = now
    else if (!active) this.close(now)
  }

  /** called every second or so: a span that has run a chunk long goes out, and a new one starts */
  tick(now: number): void {
    if (this.start !== null && now - this.start >= TALK_CHUNK_MS) {
      this.close(now)
      this.start = now
    }
  }

  /** leaving the call ends the current span */
  stop(now: number): void {
    this.close(now)
  }

  private close(now: number): void {
    if (this.start === null) return
    if (now > this.start) this.emit({ startMs: this.start, endMs: now })
    this.start = null
  }
}
