import type { Metadata } from 'next'
import { SessionsView } from '@/features/sessions/sessions-view'

export const metadata: Metadata = {
  title: 'Your sessions',
  robots: { index: false, follow: false },
}

export default function SessionsPage() {
  return (
    <section className="sessions-page" aria-labelledby="sessions-title">
      <h1 id="sessions-title">Your sessions</h1>
      <p className="lead">
        Mock interviews you created or joined in this browser. Each review shows what your role in
        that round may see: the interviewer’s rubric and notes stay with the interviewer.
      </p>
      <SessionsView />
    </section>
  )
}
