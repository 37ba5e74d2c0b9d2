import Link from 'next/link'

// An unknown link, or a session of another room: the same page (and HTTP 404) for both.
export function InvalidReviewLink() {
  return (
    <section className="card notice" aria-labelledby="review-missing-title">
      <h1 id="review-missing-title">This review link is not valid</h1>
      <p>
        The link may be mistyped, or the session belongs to another room. Sessions you took part in
        from this browser are listed under Sessions.
      </p>
      <p>
        <Link href="/sessions">Your sessions</Link>
      </p>
    </section>
  )
}
