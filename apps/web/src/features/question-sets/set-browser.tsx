'use client'

import { useEffect } from 'react'
import type { QuestionSetView } from '../../contract/question-sets'
import MarkdownPrompt from '../../ui/markdown-prompt'
import { typeLabel } from '../bank/type-label'
import { saveSet } from './saved-sets'
import './question-sets.css'
import { StartFromSet } from './start-from-set'

/** A set through its share link: browse the questions (never hints) and start a mock. */
export function SetBrowser({ capability, set }: { capability: string; set: QuestionSetView }) {
  useEffect(
    () => saveSet({ capability, access: 'share', title: set.title }),
    [capability, set.title],
  )
  if (set.questions.length === 0) return <p className="empty">This set has no questions yet.</p>
  return (
    <ul className="set-questions">
      {set.questions.map((q) => (
        <li key={q.id} className="card set-question">
          <h2>{q.question.title}</h2>
          <p className="meta-line">
            {typeLabel(q.question.type)} · {q.question.company} · {q.minutes} min
          </p>
          <MarkdownPrompt text={q.question.prompt} className="question-summary__prompt" />
          <StartFromSet title={q.question.title} versionId={q.versionId} capability={capability} />
        </li>
      ))}
    </ul>
  )
}
