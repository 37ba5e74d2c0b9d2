import type { Role } from '@mockroom/access'
import type { ReactNode } from 'react'
import type { VoiceStore } from './call/voice-store'
import type { PresenceEntry } from './use-participants'
import { VoiceBadge } from './call/voice-badge'
import { RemovePerson } from './remove-person'

interface Props {
  people: PresenceEntry[]
  /** speaking/muted from the call; entries stay empty while the call is offline */
  voices?: VoiceStore
  /** interviewer only: removes someone from the room; resolves with an error message or null */
  onRemove?: (person: PresenceEntry) => Promise<string | null>
  /** interviewer only: the waiting room, shown first */
  children?: ReactNode
  /** interviewer only: settings after the list, so the people themselves stay in view */
  footer?: ReactNode
}

const groups: ReadonlyArray<{ role: Role; heading: string }> = [
  { role: 'interviewer', heading: 'Interviewer' },
  { role: 'candidate', heading: 'Candidate' },
  { role: 'observer', heading: 'Observers' },
]

export function PresenceList({ people, voices, onRemove, children, footer }: Props) {
  return (
    <section className="panel presence" aria-labelledby="people-title">
      <h2 id="people-title">People in the room</h2>
      {children}
      {groups.map(({ role, heading }) => {
        const members = people.filter((person) => person.role === role)
        if (members.length === 0) return null
        return (
          <div key={role} className="people-group">
            <h3 id={`people-${role}`} className="people-group__title">
              {heading}
            </h3>
            <ul className="people" aria-labelledby={`people-${role}`}>
              {members.map((person) => (
                <li
                  key={person.id}
                  className={`person${person.connected ? ' person--connected' : ''}`}
                >
                  <span
                    className="person__swatch"
                    style={{ backgroundColor: person.color }}
                    aria-hidden="true"
                  />
                  <span className="person__name">
                    {person.name}
                    {person.isSelf && ' (you)'}
                  </span>
                  <span className="person__state">
                    {person.connected ? 'connected' : 'not connected'}
                    {voices && <VoiceBadge voices={voices} participantId={person.id} />}
                  </span>
                  {onRemove && !person.isSelf && (
                    <RemovePerson name={person.name} onRemove={() => onRemove(person)} />
                  )}
                </li>
              ))}
            </ul>
          </div>
        )
      })}
      {footer}
    </section>
  )
}
