'use client'

import Link from 'next/link'
import { useSessionRecord } from '../../client/review/use-session-record'
import { ReviewRecord } from './review-record'

// The review page's client side: the record is fetched with the link from the URL, so what it
// shows is exactly what that link's role in that round may see.
export function ReviewView({ capability, sessionId }: { capability: string; sessionId: string }) {
  const state = useSessionRecord(capability, sessionId)
  if (state.kind === 'loading') {
    return (
      <p className="card loading" aria-busy="true">
        Loading the session…
      </p>
    )
  }
  if (state.kind === 'not-found') {
    return (
      <section className="card notice" aria-labelledby="review-missing-title">
        <h1 id="review-missing-title">This review link is not valid</h1>
        <p>
          The link may be mistyped, or the session belongs to another room. Sessions you took part
          in from this browser are listed under Sessions.
        </p>
        <p>
          <Link href="/sessions">Your sessions</Link>
        </p>
      </section>
    )
  }
  if (state.kind === 'failed') {
    return (
      <p role="alert" className="alert">
        {state.error}
      </p>
    )
  }
  return <ReviewRecord record={state.record} />
}
