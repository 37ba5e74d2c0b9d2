import type { Role } from '@mockroom/access'
import type { SharedFeedback } from '@mockroom/session-model'
import { useEffect, useState } from 'react'
import { isRecord } from '../../../lib/api-error'

/**
 * Shared feedback as this person receives it. The control document (read by everyone) holds the
 * rubric and notes meant for everyone; notes shared with the candidate alone come from the review
 * API, which applies the same rule on the server.
 */
export function useSharedFeedback(
  shared: SharedFeedback | null,
  role: Role,
  /** this round's review page (`/review/<capability>/<sessionId>`); its API has the same path */
  reviewHref: string,
): SharedFeedback | null {
  const needsNotes = shared?.notesTo === 'candidate' && role !== 'observer'
  const sharedAt = shared?.sharedAt ?? null
  const [fetched, setFetched] = useState<{ at: number; feedback: SharedFeedback | null } | null>(
    null,
  )
  useEffect(() => {
    if (!needsNotes || sharedAt === null) return
    const controller = new AbortController()
    fetch(`/api${reviewHref}`, { cache: 'no-store', signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<unknown>) : null))
      .then(
        (body) => {
          const feedback =
            isRecord(body) && isRecord(body.sharedFeedback) ? body.sharedFeedback : null
          setFetched({ at: sharedAt, feedback: feedback as SharedFeedback | null })
        },
        () => undefined, // the rubric from the control document still shows
      )
    return () => controller.abort()
  }, [needsNotes, sharedAt, reviewHref])
  if (!needsNotes || !shared) return shared
  return fetched?.at === sharedAt && fetched.feedback ? fetched.feedback : shared
}
