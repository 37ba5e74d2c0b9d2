import type { Role } from '@mockroom/access'
import type { SessionState } from '@mockroom/session-model'

const modeLabels = { interview: 'Interview mode', practice: 'Practice mode' } as const
const roleLabels: Readonly<Record<Role, string>> = {
  interviewer: 'You are the interviewer',
  candidate: 'You are the candidate',
  observer: 'You are observing — read only',
}

// Round, mode and this person's seat: after a swap the round number is what tells people apart.
export function RoomHeader({ state, role }: { state: SessionState; role: Role }) {
  return (
    <header className="room-header">
      <p className="room-header__round">Round {state.round}</p>
      <p className="room-header__mode">{modeLabels[state.mode]}</p>
      <p className={`room-header__role room-header__role--${role}`}>{roleLabels[role]}</p>
    </header>
  )
}
