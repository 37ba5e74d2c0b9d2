import Link from 'next/link'

export default function InvalidLink() {
  return (
    <section className="card notice">
      <h1>This link is not valid</h1>
      <p>
        The link may be incomplete or mistyped, or the room may have been closed. Ask the person who
        invited you to send the link again, or start your own mock interview from the question bank.
      </p>
      <p>
        <Link href="/">Go to the question bank</Link>
      </p>
    </section>
  )
}
