import { readTranscript, type TranscriptSegment } from '@mockroom/session-model'
import type * as Y from 'yjs'
import { useDocValue } from '../session/use-doc-value'

const none: TranscriptSegment[] = []

/** The control document's transcript, ordered by start time, re-read on every server change. */
export function useTranscript(controlDoc: Y.Doc | null): TranscriptSegment[] {
  return useDocValue(controlDoc, readTranscript, none)
}
