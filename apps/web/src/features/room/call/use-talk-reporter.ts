import { ParticipantEvent, Track, type Room, type TrackPublication } from 'livekit-client'
import { useEffect, useEffectEvent } from 'react'
import type { SendControl } from '../session/use-control-action'
import { TalkSpans } from './talk-spans'

export interface TalkReporting {
  sendControl: SendControl
  /** server clock minus ours: spans are in server time */
  clockOffset: number
}

// Reports our own speaking spans (LiveKit's active-speaker signal for our microphone) to the sync
// server, which stamps the speaker from the token. A refusal (the interview ended) is not an error
// anyone needs to see: talk time is a by-product of the call.
export function useTalkReporter(call: Room, { sendControl, clockOffset }: TalkReporting): void {
  const serverNow = useEffectEvent(() => Date.now() + clockOffset)
  const send = useEffectEvent((startMs: number, endMs: number) => {
    void sendControl({
      type: 'talk',
      startMs: Math.round(startMs),
      endMs: Math.round(endMs),
    }).catch(() => {})
  })

  useEffect(() => {
    const spans = new TalkSpans((span) => send(span.startMs, span.endMs))
    const local = call.localParticipant
    // a muted microphone says nothing, whatever the last speaker update said
    const onChange = (speaking: boolean) =>
      spans.speaking(speaking && local.isMicrophoneEnabled, serverNow())
    // LiveKit's "stopped speaking" can trail a mute by a speaker update (~0.5 s): end the span at
    // the mute, or talk time would count a muted person into the next section
    const onMuted = (publication: TrackPublication) => {
      if (publication.source === Track.Source.Microphone) spans.speaking(false, serverNow())
    }
    local.on(ParticipantEvent.IsSpeakingChanged, onChange)
    local.on(ParticipantEvent.TrackMuted, onMuted)
    const timer = setInterval(() => spans.tick(serverNow()), 1_000)
    return () => {
      local.off(ParticipantEvent.IsSpeakingChanged, onChange)
      local.off(ParticipantEvent.TrackMuted, onMuted)
      clearInterval(timer)
      spans.stop(serverNow())
    }
  }, [call])
}
