import type { SessionRecord } from '@mockroom/session-model'
import { useCallback, useEffect, useState } from 'react'
import { describeFailure } from '../../lib/api-error'
import { fetchSessionRecord } from './review-api'

export type RecordState =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'failed'; error: string }
  | { kind: 'ready'; record: SessionRecord }

/** The record, and `reload` for when it grew (the server's transcript arrived). */
export function useSessionRecord(
  capability: string,
  sessionId: string,
): { state: RecordState; reload: () => void } {
  const [state, setState] = useState<RecordState>({ kind: 'loading' })
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const controller = new AbortController()
    // a reload keeps the record on screen until the new one is there
    if (version === 0) setState({ kind: 'loading' })
    fetchSessionRecord(capability, sessionId, controller.signal).then(
      (record) => setState(record ? { kind: 'ready', record } : { kind: 'not-found' }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        setState({
          kind: 'failed',
          error: describeFailure(error, 'The session could not be loaded.'),
        })
      },
    )
    return () => controller.abort()
  }, [capability, sessionId, version])
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { state, reload }
}
