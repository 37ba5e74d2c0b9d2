/** An engine that turns a recorded track into timed lines (Whisper on the server, or an HTTP one). */
export interface TranscribeInput {
  audio: Uint8Array
  mimeType: string
  sessionId: string
  speaker: { participantId: string; name: string; role: string }
  /** the share of the audio done so far (0..1), for a job's progress */
  onProgress?: (fraction: number) => void
}

/** Times are relative to the start of the audio chunk. */
export interface TranscribedSegment {
  offsetMs: number
  durationMs: number
  text: string
}

export interface Transcriber {
  transcribe(input: TranscribeInput): Promise<TranscribedSegment[]>
}
