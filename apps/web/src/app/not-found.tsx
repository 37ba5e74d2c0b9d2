import Link from 'next/link'

export default function NotFound() {
  return (
    <section className="card notice">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have been mistyped or moved.</p>
      <p>
        <Link href="/">Go to the question bank</Link>
      </p>
    </section>
  )
}
