import {
  recommendations,
  scoreLabels,
  type SessionState,
  type SharedFeedback as Feedback,
} from '@mockroom/answer-doc'

interface Props {
  feedback: Feedback
  sections: SessionState['sections']
  heading: string
}

// The rubric the interviewer chose to share, as the candidate reads it after the interview.
export function SharedFeedback({ feedback, sections, heading }: Props) {
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
    </section>
  )
}
