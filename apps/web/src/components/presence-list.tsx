import type { VoiceStore } from '../client/call/voice-store'
import type { PresenceEntry } from '../client/use-participants'
import { VoiceBadge } from './call/voice-badge'

interface Props {
  people: PresenceEntry[]
  /** speaking/muted from the call; entries stay empty while the call is offline */
  voices?: VoiceStore
}

export function PresenceList({ people, voices }: Props) {
  return (
    <section className="panel presence" aria-labelledby="people-title">
      <h2 id="people-title">People in the room</h2>
      <ul className="people" aria-labelledby="people-title">
        {people.map((person) => (
          <li key={person.id} className={`person${person.connected ? ' person--connected' : ''}`}>
            <span
              className="person__swatch"
              style={{ backgroundColor: person.color }}
              aria-hidden="true"
            />
            <span className="person__name">
              {person.name}
              {person.isSelf && ' (you)'}
            </span>
            <span className="person__role">{person.role}</span>
            <span className="person__state">
              {person.connected ? 'connected' : 'not connected'}
              {voices && <VoiceBadge voices={voices} participantId={person.id} />}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
