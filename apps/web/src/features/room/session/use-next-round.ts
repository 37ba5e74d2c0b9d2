import type { SessionState } from '@mockroom/session-model'
import { useEffect, useEffectEvent, useState } from 'react'
import { ApiError, describeFailure } from '../../../lib/api-error'
import type { JoinResult } from './join-api'

const ATTEMPTS = 5
const RETRY_MS = 600

export interface NextRoundSwitch {
  /** the round being opened, while the new session's token is fetched */
  opening: number | null
  error: string | null
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// When the control document announces the next round, everyone asks the API again with the same
// link and participant id: the answer is the new session with this person's new role. The room
// is keyed by session id, so entering it tears the old documents and call down and opens new ones.
export function useNextRound(
  currentSessionId: string,
  nextRound: SessionState['nextRound'],
  rejoin: () => Promise<JoinResult>,
  enterSession: (session: JoinResult) => void,
): NextRoundSwitch {
  const [error, setError] = useState<string | null>(null)
  const target = nextRound && nextRound.sessionId !== currentSessionId ? nextRound : null
  const targetId = target?.sessionId ?? null

  const open = useEffectEvent(async (isCancelled: () => boolean) => {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        const next = await rejoin()
        if (isCancelled()) return
        // the API may still answer with the old session for a moment after the announcement
        if (next.sessionId !== currentSessionId) {
          enterSession(next)
          return
        }
        if (attempt === ATTEMPTS) setError('The next round could not be opened. Reload the page.')
      } catch (failure) {
        if (isCancelled()) return
        if (failure instanceof ApiError || attempt === ATTEMPTS) {
          setError(describeFailure(failure, 'The next round could not be opened. Reload the page.'))
          return
        }
      }
      await wait(RETRY_MS * attempt)
    }
  })

  useEffect(() => {
    if (!targetId) return
    let cancelled = false
    void open(() => cancelled)
    return () => {
      cancelled = true
    }
  }, [targetId])

  return { opening: target?.round ?? null, error }
}
