/** What a deployment plugs in to transcribe recorded audio (none is bundled). */
export interface TranscribeInput {
  audio: Uint8Array
  mimeType: string
  sessionId: string
  speaker: { participantId: string; name: string; role: string }
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
