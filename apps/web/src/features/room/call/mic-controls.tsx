import { useRoomContext } from '@livekit/components-react'
import { useEffect, useState } from 'react'
import { describeMicError } from './describe-mic-error'
import { toggleMuted, useMuted } from './mute-intent'
import { muteShortcutLabel, useMuteShortcut } from './use-mute-shortcut'
import { ErrorAlert } from '../../../ui/error-alert'

// Mute is an intention kept here, applied whenever we are in the call: muting while the call
// server is away still holds once it is back.
export function MicControls({ inCall }: { inCall: boolean }) {
  const call = useRoomContext()
  const muted = useMuted()
  const [micError, setMicError] = useState<string | null>(null)
  useMuteShortcut(toggleMuted)

  useEffect(() => {
    if (!inCall) return
    let current = true
    call.localParticipant.setMicrophoneEnabled(!muted).then(
      () => current && setMicError(null),
      (error: unknown) => current && setMicError(describeMicError(error)),
    )
    return () => {
      current = false
    }
  }, [call, inCall, muted])

  const shortcut = muteShortcutLabel()
  const label = muted ? 'Unmute microphone' : 'Mute microphone'
  return (
    <div className="mic-controls">
      <button
        type="button"
        className={`button mute-button${muted ? ' mute-button--muted' : ''}`}
        aria-pressed={muted}
        title={`${label} (${shortcut})`}
        onClick={toggleMuted}
      >
        {label}
      </button>
      <p className="hint mic-controls__hint">
        <kbd>{shortcut}</kbd> mutes or unmutes
      </p>
      <ErrorAlert message={micError} />
    </div>
  )
}
