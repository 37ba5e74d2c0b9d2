import type { Question } from '@mockroom/questions'
import { QuestionMeta } from './question-meta'
import { TagList } from '../../ui/tag-list'

// The question as the interviewer will ask it. Hints stay out: this page is public.
export function QuestionDetails({ question }: { question: Question }) {
  return (
    <header className="question-details">
      <QuestionMeta question={question} />
      <h1>{question.title}</h1>
      <p className="question-details__prompt">{question.prompt}</p>
      <TagList tags={question.tags} />
    </header>
  )
}
