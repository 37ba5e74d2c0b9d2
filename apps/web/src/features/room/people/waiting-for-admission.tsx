'use client'

import { useEffect, useState } from 'react'

const clock = (ms: number) => {
  const seconds = Math.floor(ms / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/** The waiting person's page: the interviewer knows, and how long they have waited so far. */
export function WaitingForAdmission({ name }: { name: string }) {
  const [since] = useState(() => Date.now())
  const [now, setNow] = useState(since)
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [])
  return (
    <section className="card notice" aria-labelledby="waiting-title" aria-busy="true">
      <h1 id="waiting-title">Waiting for the interviewer to let you in</h1>
      <p role="status">
        The interview has started. The interviewer sees you waiting as <strong>{name}</strong>; this
        page opens the room as soon as they admit you.
      </p>
      <p>
        The interviewer has been told you are here.{' '}
        <span>You have waited {clock(now - since)}.</span>
      </p>
    </section>
  )
}
