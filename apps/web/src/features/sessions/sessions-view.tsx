'use client'

import Link from 'next/link'
import { formatDate } from '../../lib/format-clock'
import { formatDuration } from '../../lib/format-timer'
import { useSavedSessions, type SessionRow } from './use-saved-sessions'
import { ScoreProgress } from './score-progress'

function duration(row: SessionRow): string {
  if (row.startedAt === null) return 'not started'
  if (row.endedAt === null) return 'in progress'
  return formatDuration(row.endedAt - row.startedAt)
}

// Sessions of the rooms this browser created or joined; each opens its review.
export function SessionsView() {
  const state = useSavedSessions()
  if (state.kind === 'loading') {
    return (
      <p className="hint" aria-busy="true">
        Loading your sessions…
      </p>
    )
  }
  const { rows, failed } = state
  return (
    <>
      {failed > 0 && (
        <p role="alert" className="alert">
          {failed === 1 ? 'One room' : `${failed} rooms`} could not be loaded right now. Reload the
          page to try again.
        </p>
      )}
      {rows.length === 0 && failed === 0 ? (
        <p className="card">
          No sessions yet. Rooms you create or join from this browser appear here.{' '}
          <Link href="/#question-bank">Pick a question to start one.</Link>
        </p>
      ) : (
        <div className="table-scroll">
          <table className="sessions">
            <caption className="visually-hidden">Your sessions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Date</th>
                <th scope="col">Your role</th>
                <th scope="col">Duration</th>
                <th scope="col">Participants</th>
                <th scope="col">
                  <span className="visually-hidden">Rejoin or review</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const title = row.questionTitle ?? 'Question not revealed'
                const date = formatDate(row.startedAt ?? row.createdAt)
                return (
                  <tr key={`${row.capability}:${row.sessionId}`}>
                    <th scope="row">
                      {title}
                      <span className="sessions__round">Round {row.round}</span>
                      {row.hasAudio && <span className="sessions__round">Has audio</span>}
                    </th>
                    <td data-label="Date">{date}</td>
                    <td data-label="Your role">{row.role}</td>
                    <td data-label="Duration">{duration(row)}</td>
                    <td data-label="Participants">
                      {row.participants.map((p) => `${p.name} (${p.role})`).join(', ') || '—'}
                    </td>
                    <td>
                      {/* a round still running is rejoined with the link; an ended one reviewed */}
                      {row.status === 'ended' ? (
                        <Link
                          className="button button--small"
                          href={`/review/${encodeURIComponent(row.capability)}/${encodeURIComponent(row.sessionId)}`}
                        >
                          Review
                          <span className="visually-hidden">
                            : {title}, {date}
                          </span>
                        </Link>
                      ) : (
                        <Link
                          className="button button--small button--primary"
                          href={`/join/${encodeURIComponent(row.capability)}`}
                        >
                          Rejoin
                          <span className="visually-hidden">
                            : {title}, {date}
                          </span>
                        </Link>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      <ScoreProgress rows={rows} />
    </>
  )
}
