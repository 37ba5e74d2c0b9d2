'use client'

import type { SectionPlan, SessionRecord, SessionState } from '@mockroom/session-model'
import type * as Y from 'yjs'
import { useCallback, useEffect, useState } from 'react'
import { describeFailure } from '../../lib/api-error'
import { fetchSessionRecord } from '../review/review-api'
import { ChecksPanel, checksVisible, type MomentEvidence } from './checks-panel'
import { AiReviewCard } from './ai-review-card'
import { AiReviewPanel } from './ai-review-panel'

interface Props {
  state: Pick<SessionState, 'status' | 'mode' | 'endedAt'> & {
    sharedFeedback: { sharedAt: number } | null
  }
  /** this round's review page, `/review/<capability>/<sessionId>`; the record comes from its API */
  reviewHref: string
  /** the interviewer's: the private document the AI review is kept in, and whether it is final */
  ai: { privateDoc: Y.Doc; locked: boolean; sections: SectionPlan[] } | null
}

type Loaded =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; record: SessionRecord }
  | { kind: 'failed'; error: string }

// The checks in the room: at the end for everyone allowed to see them (the record the review API
// sends says who), and on demand while a practice session runs. Evidence opens the review there.
export function RoomChecks({ state, reviewHref, ai }: Props) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'idle' })
  const ended = state.status === 'ended'
  const sharedAt = state.sharedFeedback?.sharedAt ?? null
  const [, , capability = '', sessionId = ''] = reviewHref.split('/').map(decodeURIComponent)

  const load = useCallback(
    (signal?: AbortSignal) => {
      setLoaded({ kind: 'loading' })
      fetchSessionRecord(capability, sessionId, signal).then(
        (record) =>
          setLoaded(
            record ? { kind: 'ready', record } : { kind: 'failed', error: 'Session not found.' },
          ),
        (error: unknown) => {
          if (signal?.aborted) return
          setLoaded({
            kind: 'failed',
            error: describeFailure(error, 'The checks could not be run.'),
          })
        },
      )
    },
    [capability, sessionId],
  )

  // at the end, and again once the feedback is shared (the candidate may see them from then on)
  useEffect(() => {
    if (!ended) return
    const controller = new AbortController()
    load(controller.signal)
    return () => controller.abort()
  }, [ended, sharedAt, load])

  const open = (e: MomentEvidence) =>
    window.open(`${reviewHref}?at=${e.at}`, '_blank', 'noopener,noreferrer')

  if (!ended && state.mode !== 'practice') return null
  const record = loaded.kind === 'ready' ? loaded.record : null
  return (
    <>
      {!ended && (
        <p className="room-checks__run">
          <button
            type="button"
            className="button button--small"
            onClick={() => load()}
            disabled={loaded.kind === 'loading'}
          >
            Check my answer so far
          </button>{' '}
          <span className="hint">automated checks of the structure and timing</span>
        </p>
      )}
      {loaded.kind === 'failed' && (
        <p role="alert" className="alert">
          {loaded.error}
        </p>
      )}
      {record && checksVisible(record) && (
        <ChecksPanel record={record} moment={{ verb: 'Open the review at', go: open }} />
      )}
      {ended && ai && (
        <AiReviewPanel
          privateDoc={ai.privateDoc}
          capability={capability}
          sessionId={sessionId}
          sections={ai.sections}
          locked={ai.locked}
        />
      )}
      {!ai && record?.sharedFeedback?.aiReview && (
        <AiReviewCard review={record.sharedFeedback.aiReview} sections={record.sections} />
      )}
    </>
  )
}
