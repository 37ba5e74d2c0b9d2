'use client'

import { draftMinutes, type QuestionDraft } from '@mockroom/questions'
import type { ReactNode } from 'react'
import MarkdownPrompt from '../../ui/markdown-prompt'
import { difficultyLabels, typeLabel } from '../bank/type-label'

/** What the candidate sees of a question: never hints, rubric, checklist or follow-ups. */
export function CandidatePreview({ draft }: { draft: QuestionDraft }) {
  return (
    <PreviewCard id="preview-candidate-title" heading="What the candidate sees" draft={draft}>
      <ol className="set-preview__sections">
        {draft.sections.map((s) => (
          <li key={s.key}>
            <strong>{s.title}</strong> <span className="minutes">{s.minutes} min</span>
            <p className="hint">{s.prompt}</p>
          </li>
        ))}
      </ol>
    </PreviewCard>
  )
}

/** What the interviewer sees besides: hints, follow-ups, rubric and checklist per section. */
export function InterviewerPreview({ draft }: { draft: QuestionDraft }) {
  return (
    <PreviewCard id="preview-interviewer-title" heading="What the interviewer sees" draft={draft}>
      <h4>Hints (given only when asked)</h4>
      {draft.hints.length ? (
        <ul>
          {draft.hints.map((h, i) => (
            <li key={i}>{h}</li>
          ))}
        </ul>
      ) : (
        <p className="hint">No hints.</p>
      )}
      <h4>Follow-up questions</h4>
      {draft.followUps.length ? (
        <ul>
          {draft.followUps.map((f, i) => (
            <li key={i}>{f}</li>
          ))}
        </ul>
      ) : (
        <p className="hint">No follow-ups.</p>
      )}
      <ol className="set-preview__sections">
        {draft.sections.map((s) => (
          <li key={s.key}>
            <strong>{s.title}</strong> <span className="minutes">{s.minutes} min</span>
            {s.rubric && <p className="set-preview__rubric">Rubric: {s.rubric}</p>}
            {s.coverage.length > 0 && (
              <ul className="set-preview__coverage">
                {s.coverage.map((c, i) => (
                  <li key={i}>☐ {c}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </PreviewCard>
  )
}

// one card per audience: its heading, the question's title, facts and prompt, then `children`
function PreviewCard({
  id,
  heading,
  draft,
  children,
}: {
  id: string
  heading: string
  draft: QuestionDraft
  children: ReactNode
}) {
  return (
    <section className="card set-preview" aria-labelledby={id}>
      <p className="eyebrow" id={id}>
        {heading}
      </p>
      <h3>{draft.title || 'Untitled question'}</h3>
      <p className="meta-line">
        {typeLabel(draft.type)} · {draft.company || 'No company'} ·{' '}
        {difficultyLabels[draft.difficulty]} · {draftMinutes(draft)} min
      </p>
      <MarkdownPrompt text={draft.prompt} className="question-summary__prompt" />
      {children}
    </section>
  )
}
