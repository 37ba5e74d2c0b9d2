import type { AiReview, SectionPlan } from '@mockroom/session-model'
import { formatDate } from '../../lib/format-clock'

// The AI reviewer's review, read-only, always labelled as machine-written.
export function AiReviewCard({ review, sections }: { review: AiReview; sections: SectionPlan[] }) {
  const commented = sections.filter((s) => review.sections[s.key])
  return (
    <section className="card ai-review" aria-labelledby="ai-review-title">
      <h2 id="ai-review-title">AI review</h2>
      <p className="ai-review__label">
        AI-generated, may be wrong · {review.model}, {formatDate(review.createdAt)}
        {review.edited && ' · edited by the interviewer'}
      </p>
      <AiReviewBody review={review} commented={commented} />
    </section>
  )
}

export function AiReviewBody({
  review,
  commented,
}: {
  review: AiReview
  commented: SectionPlan[]
}) {
  return (
    <>
      <p>{review.summary}</p>
      {review.strengths.length > 0 && (
        <>
          <h3>Strengths</h3>
          <ul>
            {review.strengths.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </>
      )}
      {review.improvements.length > 0 && (
        <>
          <h3>To improve</h3>
          <ul>
            {review.improvements.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </>
      )}
      {commented.length > 0 && (
        <dl className="ai-review__sections">
          {commented.map((s) => (
            <div key={s.key}>
              <dt>{s.title}</dt>
              <dd>{review.sections[s.key]}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  )
}
