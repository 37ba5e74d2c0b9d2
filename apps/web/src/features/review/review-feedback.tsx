import type { SessionRecord } from '@mockroom/session-model'
import { formatDate } from '../../lib/format-clock'
import { SharedFeedback } from '../room/feedback/shared-feedback'

const sharedHeading = {
  interviewer: 'Feedback you shared',
  candidate: 'Feedback from your interviewer',
  observer: 'Feedback shared by the interviewer',
} as const

const notesSharing = {
  nobody: 'your notes stayed private',
  candidate: 'your notes with the candidate only',
  everyone: 'your notes with the candidate and the observers',
} as const

// What the viewer may see of the feedback: the interviewer their private rubric and notes
// (the API sends them to nobody else); the others what was shared, if anything.
export function ReviewFeedback({ record }: { record: SessionRecord }) {
  const { sections, sectionFeedback, sharedFeedback, viewer } = record
  const practice = sections.filter((s) => sectionFeedback[s.key])
  const own = record.private
  return (
    <>
      {practice.length > 0 && (
        <section className="card review__practice" aria-labelledby="practice-feedback-title">
          <h2 id="practice-feedback-title">Feedback during practice</h2>
          <dl className="shared-feedback__list">
            {practice.map((s) => (
              <div key={s.key} className="shared-feedback__item">
                <dt>{s.title}</dt>
                <dd>
                  <p>{sectionFeedback[s.key]}</p>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {own && (
        <SharedFeedback
          feedback={{ ...own, notes: own.notes.trim() || null }}
          sections={sections}
          heading="Your rubric and notes"
          footer={
            <p className="hint review__shared-state">
              {sharedFeedback
                ? `Shared on ${formatDate(sharedFeedback.sharedAt)}: scores and comments with the candidate and the observers; ${notesSharing[sharedFeedback.notesTo ?? (sharedFeedback.notes ? 'everyone' : 'nobody')]}.`
                : record.feedbackFinal
                  ? 'Final, not shared.'
                  : 'Not final yet: still editable in the room, not shared.'}
            </p>
          }
        />
      )}
      {!own && sharedFeedback && (
        <SharedFeedback
          feedback={sharedFeedback}
          sections={sections}
          heading={sharedHeading[viewer.role]}
        />
      )}
      {viewer.role === 'candidate' && !sharedFeedback && record.session.status === 'ended' && (
        <p className="card hint">Your interviewer has not shared feedback for this round.</p>
      )}
    </>
  )
}
