import { useSyncExternalStore } from 'react'
import type { VoiceStore } from './voice-store'

interface Props {
  voices: VoiceStore
  participantId: string
}

// Speaking and muted next to a name in the presence list; nothing while the call is offline.
// The data attributes let tests read the call state without reaching into LiveKit.
export function VoiceBadge({ voices, participantId }: Props) {
  const voice = useSyncExternalStore(
    voices.subscribe,
    () => voices.get(participantId),
    () => undefined,
  )
  if (!voice) return null
  return (
    <span
      className="voice"
      data-in-call="true"
      data-speaking={voice.speaking}
      data-muted={voice.muted}
      data-has-mic={voice.hasMic}
      data-audio-level={voice.level}
    >
      {voice.speaking && <span className="voice__speaking" role="img" aria-label="speaking" />}
      {voice.muted && <span className="voice__muted">muted</span>}
      {!voice.hasMic && <span className="voice__listening">listening</span>}
    </span>
  )
}
