import {
  recommendations,
  scoreLabels,
  type SessionState,
  type SharedFeedback as Feedback,
} from '@mockroom/session-model'
import type { ReactNode } from 'react'

interface Props {
  /** shared feedback, or (on the interviewer's review) the private rubric and notes */
  feedback: Pick<Feedback, 'rubric' | 'overall' | 'notes' | 'coverage'>
  sections: Array<Pick<SessionState['sections'][number], 'key' | 'title'>>
  heading: string
  /** a last line inside the card (the review says whether it was shared) */
  footer?: ReactNode
}

// The rubric the interviewer chose to share, as the candidate reads it after the interview.
export function SharedFeedback({ feedback, sections, heading, footer }: Props) {
  const recommendation = recommendations.find((r) => r.value === feedback.overall.recommendation)
  return (
    <section className="card shared-feedback" aria-labelledby="shared-feedback-title">
      <h2 id="shared-feedback-title">{heading}</h2>
      <dl className="shared-feedback__list">
        {sections.map((section) => {
          const entry = feedback.rubric[section.key]
          const score = entry?.score ?? null
          return (
            <div key={section.key} className="shared-feedback__item">
              <dt>{section.title}</dt>
              <dd>
                <strong>
                  {score === null ? 'Not scored' : `${score} of 4 — ${scoreLabels[score] ?? ''}`}
                </strong>
                {entry?.comment && <p>{entry.comment}</p>}
                {(feedback.coverage?.[section.key]?.length ?? 0) > 0 && (
                  <p className="shared-feedback__coverage">
                    Covered: {feedback.coverage?.[section.key]?.join('; ')}
                  </p>
                )}
              </dd>
            </div>
          )
        })}
        <div className="shared-feedback__item">
          <dt>Recommendation</dt>
          <dd>
            <strong>{recommendation?.label ?? 'None given'}</strong>
            {feedback.overall.comment && <p>{feedback.overall.comment}</p>}
          </dd>
        </div>
      </dl>
      {feedback.notes && (
        <>
          <h3>Interviewer notes</h3>
          <div className="shared-feedback__notes">{feedback.notes}</div>
        </>
      )}
      {footer}
    </section>
  )
}
