import Link from 'next/link'

/** A removed person's page: what happened, and what they can do next. */
export function RemovedNotice() {
  return (
    <section className="card notice" aria-labelledby="removed-title">
      <h1 id="removed-title">Removed from the room</h1>
      <p role="alert">
        You were removed from this interview. If this was a mistake, ask the interviewer for a new
        link.
      </p>
      <p>
        <Link className="button" href="/">
          Start your own mock interview
        </Link>{' '}
        <Link href="/sessions">See your sessions</Link>
      </p>
    </section>
  )
}
