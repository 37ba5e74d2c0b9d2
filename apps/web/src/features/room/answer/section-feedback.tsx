'use client'

import { useId, useState, type FormEvent } from 'react'
import { useControlAction, type SendControl } from '../session/use-control-action'
import { ErrorAlert } from '../../../ui/error-alert'

interface Props {
  sectionKey: string
  title: string
  /** what the interviewer has sent so far, visible to everyone */
  text: string | undefined
  /** the interviewer may send (practice mode, a past or the current section, still live) */
  sendControl: SendControl | null
}

// Practice mode: feedback on one section while the interview runs. Sending replaces the
// previous note; everyone sees it under the section at once.
export function SectionFeedback({ sectionKey, title, text, sendControl }: Props) {
  if (!text && !sendControl) return null
  return (
    <div className="section-feedback">
      {text && (
        <div className="section-feedback__shown">
          <h3>Feedback from the interviewer</h3>
          <p>{text}</p>
        </div>
      )}
      {sendControl && (
        <FeedbackForm key={text ?? ''} {...{ sectionKey, title, text, sendControl }} />
      )}
    </div>
  )
}

function FeedbackForm({
  sectionKey,
  title,
  text,
  sendControl,
}: Props & { sendControl: SendControl }) {
  const id = useId()
  const [draft, setDraft] = useState(text ?? '')
  const { run, busy, error } = useControlAction(sendControl)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (draft.trim()) void run({ type: 'feedback', sectionKey, text: draft.trim() })
  }
  return (
    <form className="section-feedback__form" onSubmit={submit}>
      <label htmlFor={`${id}-text`}>Feedback on {title}</label>
      <textarea
        id={`${id}-text`}
        rows={2}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" className="button" disabled={busy || draft.trim() === ''}>
        Send feedback
      </button>
      <ErrorAlert message={error} />
    </form>
  )
}
