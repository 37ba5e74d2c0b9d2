import type { SessionRecord } from '@mockroom/session-model'
import { useEffect, useState } from 'react'
import { describeFailure } from '../../lib/api-error'
import { fetchSessionRecord } from './review-api'

export type RecordState =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'failed'; error: string }
  | { kind: 'ready'; record: SessionRecord }

export function useSessionRecord(capability: string, sessionId: string): RecordState {
  const [state, setState] = useState<RecordState>({ kind: 'loading' })
  useEffect(() => {
    const controller = new AbortController()
    setState({ kind: 'loading' })
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
  }, [capability, sessionId])
  return state
}
