'use client'

import { isVersionId } from '@mockroom/questions'
import dynamic from 'next/dynamic'

// react-markdown loads only for a coach's question: the bank's prompts are plain text, and the
// room's first paint stays as small as it was.
const MarkdownPrompt = dynamic(() => import('./markdown-prompt'), {
  loading: () => null,
})

interface Props {
  question: { id: string; prompt: string }
  className: string
}

/** A question's prompt as the room, the review and the set preview show it. */
export function QuestionPrompt({ question, className }: Props) {
  if (!isVersionId(question.id)) return <p className={className}>{question.prompt}</p>
  return <MarkdownPrompt text={question.prompt} className={className} />
}
