import { WaitingDecision, waitingRoleWords } from './people/waiting-decision'
import type { WaitingRoom } from './use-waiting-room'

// Interviewer only, at the top of the People panel: who waits to be let in, and the decision.
export function WaitingList({ room }: { room: WaitingRoom }) {
  if (room.waiting.length === 0 && !room.error) return null
  return (
    <div className="people-group waiting">
      <h3 id="people-waiting" className="people-group__title">
        Waiting to join
      </h3>
      <ul className="people" aria-labelledby="people-waiting">
        {room.waiting.map((person) => (
          <li key={person.id} className="person person--waiting">
            <span className="person__name">
              Waiting: {person.name} ({waitingRoleWords[person.role]})
            </span>
            <WaitingDecision room={room} person={person} />
          </li>
        ))}
      </ul>
      {room.error && (
        <p role="alert" className="alert">
          {room.error}
        </p>
      )}
    </div>
  )
}
