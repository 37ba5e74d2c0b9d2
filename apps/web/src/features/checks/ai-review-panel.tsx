'use client'

import { readAiReview, setAiReview, type AiReview, type SectionPlan } from '@mockroom/session-model'
import { useEffect, useId, useState } from 'react'
import type * as Y from 'yjs'
import { describeFailure } from '../../lib/api-error'
import { formatDate } from '../../lib/format-clock'
import { useDocValue } from '../room/session/use-doc-value'
import { AiReviewBody } from './ai-review-card'
import { aiReviewerModel, askAiReviewer } from './ai-review-api'
import { ErrorAlert } from '../../ui/error-alert'

interface Props {
  /** the interviewer's private document: the review is kept there, shared with the feedback */
  privateDoc: Y.Doc
  capability: string
  sessionId: string
  sections: SectionPlan[]
  /** the feedback is final: the server takes no more writes to the private document */
  locked: boolean
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

// The interviewer asks the deployment's AI reviewer, reads and edits what it wrote, and shares it
// with the rest of the feedback. Without an AI reviewer set up, none of this exists.
export function AiReviewPanel({ privateDoc, capability, sessionId, sections, locked }: Props) {
  const id = useId()
  const [model, setModel] = useState<string | null>(null)
  const [asking, setAsking] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const review = useDocValue(privateDoc, readAiReview, null)

  useEffect(() => {
    const controller = new AbortController()
    aiReviewerModel(capability, sessionId, controller.signal).then(setModel, () => undefined)
    return () => controller.abort()
  }, [capability, sessionId])

  if (model === null && !review) return null

  const ask = () => {
    setAsking(true)
    setError(null)
    askAiReviewer(capability, sessionId).then(
      (r) => {
        setAiReview(privateDoc, r)
        setAsking(false)
      },
      (e: unknown) => {
        setError(describeFailure(e, 'The AI reviewer could not be asked.'))
        setAsking(false)
      },
    )
  }
  const edit = (patch: Partial<AiReview>) =>
    review && setAiReview(privateDoc, { ...review, ...patch, edited: true })

  return (
    <section className="card ai-review" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>AI review</h2>
      {review && (
        <p className="ai-review__label">
          AI-generated, may be wrong · {review.model}, {formatDate(review.createdAt)}
          {review.edited && ' · edited'}
        </p>
      )}
      {!locked && model !== null && (
        <p>
          <button
            type="button"
            className="button"
            onClick={ask}
            disabled={asking}
            aria-busy={asking}
          >
            {asking
              ? 'Asking the AI reviewer…'
              : review
                ? 'Ask the AI reviewer again'
                : 'Ask the AI reviewer'}
          </button>{' '}
          <span className="hint">
            sends the question, the rubric, the answer and the transcript text (no audio) to {model}
          </span>
        </p>
      )}
      <ErrorAlert message={error} />
      {review && locked && (
        <AiReviewBody review={review} commented={sections.filter((s) => review.sections[s.key])} />
      )}
      {review && !locked && (
        <div className="ai-review__edit" key={review.createdAt}>
          <p className="hint">
            Edit before you share: it goes out with your feedback, labelled as AI-generated.
          </p>
          <div className="field">
            <label htmlFor={`${id}-summary`}>AI summary</label>
            <textarea
              id={`${id}-summary`}
              rows={4}
              value={review.summary}
              onChange={(e) => edit({ summary: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-strengths`}>AI strengths, one per line</label>
            <textarea
              id={`${id}-strengths`}
              rows={3}
              defaultValue={review.strengths.join('\n')}
              onBlur={(e) => edit({ strengths: lines(e.target.value) })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-improvements`}>AI improvements, one per line</label>
            <textarea
              id={`${id}-improvements`}
              rows={3}
              defaultValue={review.improvements.join('\n')}
              onBlur={(e) => edit({ improvements: lines(e.target.value) })}
            />
          </div>
          <button
            type="button"
            className="button button--small"
            onClick={() => setAiReview(privateDoc, null)}
          >
            Discard the AI review
          </button>
        </div>
      )}
    </section>
  )
}
