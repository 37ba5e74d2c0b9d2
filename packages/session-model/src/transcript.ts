import * as Y from 'yjs'

export type TranscriptSource = 'speech' | 'server' | 'note'

/** One line of the transcript; times are server milliseconds since the epoch. */
export interface TranscriptSegment {
  speakerId: string
  name: string
  role: string
  startMs: number
  endMs: number
  text: string
  /** speech: the speaker's own browser; server: a deployment's Transcriber; note: typed by the interviewer */
  source: TranscriptSource
}

// In the control document: only the sync server appends, stamping the speaker from the token.
export const TRANSCRIPT_ARRAY = 'transcript'

export function transcriptOf(doc: Y.Doc): Y.Array<TranscriptSegment> {
  return doc.getArray<TranscriptSegment>(TRANSCRIPT_ARRAY)
}

export function readTranscript(doc: Y.Doc): TranscriptSegment[] {
  return transcriptOf(doc).toArray()
}

/** Appends keeping the array ordered by start time (late arrivals slot in where they belong). */
export function appendSegments(doc: Y.Doc, segments: ReadonlyArray<TranscriptSegment>): void {
  const array = transcriptOf(doc)
  doc.transact(() => {
    for (const s of [...segments].sort((a, b) => a.startMs - b.startMs)) {
      let i = array.length
      while (i > 0 && (array.get(i - 1)?.startMs ?? 0) > s.startMs) i--
      array.insert(i, [s])
    }
  })
}
