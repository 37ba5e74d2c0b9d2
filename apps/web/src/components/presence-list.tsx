import type { PresenceEntry } from '../client/use-participants'

export function PresenceList({ people }: { people: PresenceEntry[] }) {
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
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
