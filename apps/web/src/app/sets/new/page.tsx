import type { Metadata } from 'next'
import { NewSetForm } from '@/features/question-sets/new-set-form'

export const metadata: Metadata = {
  title: 'New question set',
  robots: { index: false, follow: false },
}

export default function NewSetPage() {
  return (
    <section className="sets-page" aria-labelledby="new-set-title">
      <h1 id="new-set-title">New question set</h1>
      <p className="lead">
        Your own questions, with the hints, rubric and checklist you teach with. You get a private
        link to edit the set and a read-only link for students. No account needed.
      </p>
      <NewSetForm />
    </section>
  )
}
