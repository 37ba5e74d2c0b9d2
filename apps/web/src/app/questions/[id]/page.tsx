import { getQuestion, getTemplate, questions, withoutHints } from '@mockroom/questions'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { QuestionDetails } from '@/features/bank/question-details'
import { StartInterview } from '@/features/bank/start-interview'
import { TemplateOutline } from '@/features/bank/template-outline'
import { DuplicateToSet } from '@/features/question-sets/duplicate-to-set'

interface Props {
  params: Promise<{ id: string }>
}

// The bank is static data: prerender every question page at build time.
export function generateStaticParams(): Array<{ id: string }> {
  return questions.map((question) => ({ id: question.id }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const question = getQuestion((await params).id)
  return { title: question ? question.title : 'Question not found' }
}

export default async function QuestionPage({ params }: Props) {
  const found = getQuestion((await params).id)
  if (!found) notFound()
  // a public page: nothing of the interviewer's hints may reach its HTML or RSC payload
  const question = withoutHints(found)

  return (
    <article className="question-page">
      <QuestionDetails question={question} />
      {/* beside the details on wide screens, so the start button is in view without scrolling */}
      <section className="card start-card" aria-labelledby="start-title">
        <h2 id="start-title">Run this interview</h2>
        <p>
          Starting creates a private room with one link for you, one for your candidate and one for
          observers. Nobody needs an account.
        </p>
        <StartInterview questionId={question.id} />
      </section>
      <TemplateOutline template={getTemplate(question.type)} />
      <DuplicateToSet questionId={question.id} title={question.title} />
    </article>
  )
}
