import { useIsMuted, useIsSpeaking, useParticipants } from '@livekit/components-react'
import { Track, type Participant } from 'livekit-client'
import { useEffect } from 'react'
import { useAudioLevel } from './use-audio-level'
import type { VoiceStore } from './voice-store'

function VoiceReporter({ participant, voices }: { participant: Participant; voices: VoiceStore }) {
  const speaking = useIsSpeaking(participant)
  const muted = useIsMuted({ participant, source: Track.Source.Microphone })
  // re-evaluated on every track event: useParticipants re-renders us on each one
  const hasMic = participant.getTrackPublication(Track.Source.Microphone) !== undefined
  const level = useAudioLevel(participant)
  const id = participant.identity

  useEffect(() => {
    voices.set(id, { speaking, muted: hasMic && muted, hasMic, level })
  }, [voices, id, speaking, muted, hasMic, level])
  useEffect(() => () => voices.remove(id), [voices, id])
  return null
}

// Publishes who speaks and who is muted to the presence list (LiveKit identity = participant id).
export function VoiceReporters({ voices }: { voices: VoiceStore }) {
  const participants = useParticipants()
  return participants.map((participant) => (
    <VoiceReporter key={participant.identity} participant={participant} voices={voices} />
  ))
}
