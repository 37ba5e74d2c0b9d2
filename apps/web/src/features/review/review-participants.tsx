import type { SessionRecord } from '@mockroom/session-model'

// The same colours as in the room and the replay, so "who wrote this" reads the same everywhere.
export function ReviewParticipants({ people }: { people: SessionRecord['participants'] }) {
  return (
    <section className="card review__people" aria-labelledby="review-people-title">
      <h2 id="review-people-title">Participants</h2>
      {people.length === 0 ? (
        <p className="hint">Nobody joined this session.</p>
      ) : (
        <ul className="people">
          {people.map((p) => (
            <li key={p.id} className="person">
              <span
                className="person__swatch"
                style={{ backgroundColor: p.color }}
                aria-hidden="true"
              />
              <span className="person__name" data-color={p.color}>
                {p.name}
              </span>
              <span className="person__role">{p.role}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
