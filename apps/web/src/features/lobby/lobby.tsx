import { audioGrant, type Role } from '@mockroom/access'
import dynamic from 'next/dynamic'
import { useId, useRef, type FormEvent } from 'react'
import { useTypedBeforeHydration } from '../../lib/use-typed-before-hydration'
import { ErrorAlert } from '../../ui/error-alert'

// The microphone check (getUserMedia, Web Audio) arrives after the lobby has painted.
const MicCheck = dynamic(() => import('./mic-check'), {
  ssr: false,
  loading: () => <p className="hint">Checking your microphone…</p>,
})

const roleNotes: Readonly<Record<Role, string>> = {
  interviewer: 'You run the interview and write in the shared answer with your candidate.',
  candidate: 'You answer the question out loud and write your answer in the shared document.',
  observer: 'You watch and listen. The shared answer is read-only for you.',
}

/** what the link opens now: after "Swap roles" a link's role and its round's state change */
export interface LobbyRound {
  round: number
  status: 'lobby' | 'live' | 'ended'
}

const statusNotes: Readonly<Record<LobbyRound['status'], string>> = {
  lobby: 'The interviewer will reveal the question when the interview starts.',
  live: 'The interview is in progress: the interviewer lets you in.',
  ended: 'This round has ended: you can read the final answer.',
}

const statusWords: Readonly<Record<LobbyRound['status'], string>> = {
  lobby: 'not started yet',
  live: 'live',
  ended: 'ended',
}

interface Props {
  /** null for candidates and observers: the interviewer reveals the question in the room */
  questionTitle: string | null
  role: Role
  current: LobbyRound
  name: string
  onNameChange: (name: string) => void
  onJoin: () => void
  /** disables the form (also while the saved session is being checked) */
  busy: boolean
  joining: boolean
  error: string | null
  /** false while a saved session is being resumed: no point opening the microphone then */
  checkMic: boolean
}

export function Lobby({
  questionTitle,
  role,
  current,
  name,
  onNameChange,
  onJoin,
  busy,
  joining,
  error,
  checkMic,
}: Props) {
  const id = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  useTypedBeforeHydration(inputRef, onNameChange)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (name.trim() && !busy) onJoin()
  }

  return (
    <section className="card lobby" aria-labelledby={`${id}-title`}>
      <p className="eyebrow">Mock interview</p>
      <h1 id={`${id}-title`}>{questionTitle ?? 'Join the interview'}</h1>
      <p className="lobby__role">
        Round {current.round} ({statusWords[current.status]}): you are joining as{' '}
        <strong>{role}</strong>.
      </p>
      {(questionTitle === null || current.status !== 'lobby') && (
        <p className="hint">{statusNotes[current.status]}</p>
      )}
      <p className="hint">{roleNotes[role]}</p>
      <form className="lobby__form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-name`}>Your name</label>
          <input
            ref={inputRef}
            id={`${id}-name`}
            type="text"
            autoComplete="name"
            maxLength={60}
            required
            value={name}
            onChange={(event) => onNameChange(event.target.value)}
            aria-describedby={`${id}-name-hint`}
          />
          <p id={`${id}-name-hint`} className="hint">
            Shown to everyone in the room next to your cursor.
          </p>
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || name.trim() === ''}
          aria-busy={joining}
        >
          Join
        </button>
        {joining && <p className="hint">Joining…</p>}
        <ErrorAlert message={error} />
      </form>
      <section className="lobby__audio" aria-labelledby={`${id}-audio`}>
        <h2 id={`${id}-audio`}>Audio</h2>
        {audioGrant(role).canPublish ? (
          checkMic && <MicCheck />
        ) : (
          <p className="hint">
            You will join as a listener: you hear the call, your microphone stays off.
          </p>
        )}
      </section>
    </section>
  )
}
