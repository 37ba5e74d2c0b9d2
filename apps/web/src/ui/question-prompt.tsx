'use client'

import { isVersionId } from '@mockroom/questions'
import { lazy, Suspense } from 'react'

// react-markdown loads only for a coach's question: the bank's prompts are plain text, and the
// room's first paint stays as small as it was.
const MarkdownPrompt = lazy(() => import('./markdown-prompt'))

interface Props {
  question: { id: string; prompt: string }
  className: string
}

/** A question's prompt as the room, the review and the set preview show it. */
export function QuestionPrompt({ question, className }: Props) {
  const plain = <p className={className}>{question.prompt}</p>
  if (!isVersionId(question.id)) return plain
  return (
    <Suspense fallback={plain}>
      <MarkdownPrompt text={question.prompt} className={className} />
    </Suspense>
  )
}
