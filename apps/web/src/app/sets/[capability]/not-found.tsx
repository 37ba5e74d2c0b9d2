import Link from 'next/link'

export default function InvalidSetLink() {
  return (
    <section className="card notice">
      <h1>This question set link is not valid</h1>
      <p>
        The link may be incomplete or mistyped. Ask the coach who shared it to send it again, or
        make your own set.
      </p>
      <p>
        <Link href="/sets/new">New question set</Link> ·{' '}
        <Link href="/">Go to the question bank</Link>
      </p>
    </section>
  )
}
