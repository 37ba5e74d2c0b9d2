'use client'

import { audioGrant, canRequest, type Role } from '@mockroom/access'
import { activeBreak, MAX_BREAKS, type SessionState } from '@mockroom/session-model'
import { toggleMuted, useMuted } from './call/mute-intent'
import { useControlAction, type SendControl } from './session/use-control-action'

interface Props {
  state: SessionState
  role: Role
  sendControl: SendControl
  now: number
}

// The person's own controls in the pinned bar (phones): mute, and the candidate's thinking
// break, so neither is screens away while they write. Same intention and request as the panels'.
export function PinnedControls({ state, role, sendControl, now }: Props) {
  const muted = useMuted()
  const takeBreak = useControlAction(sendControl)
  const speaks = audioGrant(role).canPublish
  const mayBreak =
    canRequest(role, 'take-break') &&
    !canRequest(role, 'start') &&
    state.breaks.length < MAX_BREAKS &&
    state.timer?.pausedAt === null &&
    !activeBreak(state.breaks, now)
  if (!speaks && !mayBreak) return null
  return (
    <div className="status-bar__controls">
      {speaks && (
        <button
          type="button"
          className={`button button--small mute-button${muted ? ' mute-button--muted' : ''}`}
          aria-pressed={muted}
          onClick={toggleMuted}
        >
          {muted ? 'Unmute microphone' : 'Mute microphone'}
        </button>
      )}
      {mayBreak && (
        <button
          type="button"
          className="button button--small"
          disabled={takeBreak.busy}
          onClick={() => void takeBreak.run({ type: 'take-break' })}
        >
          Take a minute
        </button>
      )}
      {takeBreak.error && (
        <p role="alert" className="alert">
          {takeBreak.error}
        </p>
      )}
    </div>
  )
}
