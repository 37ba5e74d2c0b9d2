'use client'

import { useSessionRecord } from './use-session-record'
import { InvalidReviewLink } from './invalid-review-link'
import { ReviewRecord } from './review-record'

// The review page's client side: the record is fetched with the link from the URL, so what it
// shows is exactly what that link's role in that round may see.
export function ReviewView({ capability, sessionId }: { capability: string; sessionId: string }) {
  const { state, reload } = useSessionRecord(capability, sessionId)
  if (state.kind === 'loading') {
    return (
      <p className="card loading" aria-busy="true">
        Loading the session…
      </p>
    )
  }
  if (state.kind === 'not-found') return <InvalidReviewLink />
  if (state.kind === 'failed') {
    return (
      <p role="alert" className="alert">
        {state.error}
      </p>
    )
  }
  return (
    <ReviewRecord
      record={state.record}
      transcription={{ capability, sessionId, onSettled: reload }}
    />
  )
}
