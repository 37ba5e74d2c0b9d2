import type { Question } from '@mockroom/questions'
import Link from 'next/link'
import { QuestionMeta } from './question-meta'
import { TagList } from '../../ui/tag-list'

export function QuestionCard({ question }: { question: Question }) {
  return (
    <article className="card question-card">
      <h3 className="question-card__title">
        <Link href={`/questions/${question.id}`}>{question.title}</Link>
      </h3>
      <QuestionMeta question={question} />
      <p className="question-card__prompt">{question.prompt}</p>
      <TagList tags={question.tags} />
    </article>
  )
}
