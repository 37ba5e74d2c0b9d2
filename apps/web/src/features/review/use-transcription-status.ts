import type { TranscriptionStatus } from '@mockroom/session-model'
import { useEffect, useState } from 'react'
import { fetchTranscriptionStatus } from './review-api'

const POLL_MS = 2000

export const pendingTracks = (status: TranscriptionStatus | undefined) =>
  (status?.tracks ?? []).filter((t) => t.status === 'queued' || t.status === 'running')

/**
 * While the server transcribes a recorded track, where it stands (polled); once nothing is
 * pending any more, `onSettled` (the record is loaded again, with the new lines).
 */
export function useTranscriptionStatus(
  capability: string,
  sessionId: string,
  initial: TranscriptionStatus | undefined,
  onSettled: () => void,
): TranscriptionStatus | undefined {
  const [status, setStatus] = useState(initial)
  useEffect(() => setStatus(initial), [initial])
  const waiting = pendingTracks(status).length > 0
  useEffect(() => {
    if (!waiting) return
    const controller = new AbortController()
    const timer = setInterval(() => {
      fetchTranscriptionStatus(capability, sessionId, controller.signal).then(
        (next) => {
          if (!next) return
          setStatus(next)
          if (pendingTracks(next).length === 0) onSettled()
        },
        // a failed poll is tried again at the next tick
        () => {},
      )
    }, POLL_MS)
    return () => {
      clearInterval(timer)
      controller.abort()
    }
  }, [capability, sessionId, waiting, onSettled])
  return status
}
