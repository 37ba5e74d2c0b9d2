import { useEffect, useState } from 'react'
import { loadSavedLinks } from '../../lib/saved-links'
import { fetchReviewList, type ReviewListEntry } from '../review/review-api'

export interface SessionRow extends ReviewListEntry {
  /** the link that opens this row's review */
  capability: string
}

export type SavedSessionsState =
  | { kind: 'loading' }
  /** `failed`: links whose list could not be loaded now (network, server error) */
  | { kind: 'ready'; rows: SessionRow[]; failed: number; saved: number }

const newestFirst = (a: SessionRow, b: SessionRow) =>
  (b.startedAt ?? b.createdAt) - (a.startedAt ?? a.createdAt)

// Every session of every room this browser created or joined, newest first. A link the server
// no longer knows (404) is left out without a word: there is nothing the person can do about it.
export function useSavedSessions(): SavedSessionsState {
  const [state, setState] = useState<SavedSessionsState>({ kind: 'loading' })
  useEffect(() => {
    const controller = new AbortController()
    const links = loadSavedLinks()
    void Promise.allSettled(
      links.map(async ({ capability }) => {
        const sessions = await fetchReviewList(capability, controller.signal)
        return (sessions ?? []).map((s) => ({ ...s, capability }))
      }),
    ).then((results) => {
      if (controller.signal.aborted) return
      const rows = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []))
      const failed = results.filter((r) => r.status === 'rejected').length
      setState({ kind: 'ready', rows: rows.sort(newestFirst), failed, saved: links.length })
    })
    return () => controller.abort()
  }, [])
  return state
}
