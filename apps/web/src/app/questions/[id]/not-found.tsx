import Link from 'next/link'

export default function QuestionNotFound() {
  return (
    <section className="card notice">
      <h1>Question not found</h1>
      <p>This question is not in the bank. It may have been renamed or removed.</p>
      <p>
        <Link href="/">Browse the question bank</Link>
      </p>
    </section>
  )
}
