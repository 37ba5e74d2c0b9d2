import type { NotesAudience } from '@mockroom/session-model'

export interface Person {
  id: string
  name: string
  role: string
}

const names = (people: Person[]) => people.map((p) => p.name).join(', ')

// Says exactly who receives what before the interviewer presses "Share feedback".
export function FeedbackRecipients({
  people,
  notesTo,
}: {
  people: Person[]
  notesTo: NotesAudience
}) {
  const candidates = people.filter((p) => p.role === 'candidate')
  const observers = people.filter((p) => p.role === 'observer')
  const candidate = candidates.length > 0 ? `the candidate (${names(candidates)})` : 'the candidate'
  const watchers =
    observers.length === 0
      ? 'observers (none in this room)'
      : `${observers.length} observer${observers.length === 1 ? '' : 's'} (${names(observers)})`
  return (
    <ul className="share-feedback__recipients" aria-label="Who receives the feedback">
      <li>
        Scores, comments and recommendation: {candidate} and {watchers}.
      </li>
      <li>
        Your notes:{' '}
        {notesTo === 'nobody'
          ? 'nobody, they stay private.'
          : notesTo === 'candidate'
            ? `${candidate} only, not the observers.`
            : `${candidate} and ${watchers}.`}
      </li>
    </ul>
  )
}
