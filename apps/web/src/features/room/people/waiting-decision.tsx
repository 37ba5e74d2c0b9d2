import type { WaitingRoom } from '../use-waiting-room'

type Waiting = WaitingRoom['waiting'][number]

/** How a waiting person's link is named beside them. */
export const waitingRoleWords = {
  interviewer: 'interviewer link',
  candidate: 'candidate',
  observer: 'observer',
} as const

// Admit / Turn away for one waiting person: the same two buttons in the notice and the list.
export function WaitingDecision({
  room,
  person,
  primary = false,
}: {
  room: WaitingRoom
  person: Waiting
  /** the notice's Admit is the main action on screen */
  primary?: boolean
}) {
  return (
    <>
      <button
        type="button"
        className={`button button--small${primary ? ' button--primary' : ''}`}
        aria-label={`Admit ${person.name}`}
        onClick={() => void room.decide(person, 'admit')}
      >
        Admit
      </button>
      <button
        type="button"
        className="button button--small"
        aria-label={`Turn away ${person.name}`}
        onClick={() => void room.decide(person, 'turn-away')}
      >
        Turn away
      </button>
    </>
  )
}
