import { ParticipantEvent, type Room } from 'livekit-client'
import { useEffect, useEffectEvent } from 'react'
import type { SendControl } from '../use-control-action'
import { TalkSpans } from './talk-spans'

export interface TalkReporting {
  sendControl: SendControl
  /** server clock minus ours: spans are in server time */
  clockOffset: number
}

// Reports our own speaking spans (LiveKit's active-speaker signal for our microphone) to the sync
// server, which stamps the speaker from the token. A refusal (the interview ended) is not an error
// anyone needs to see: talk time is a by-product of the call.
export function useTalkReporter(room: Room, { sendControl, clockOffset }: TalkReporting): void {
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
    const local = room.localParticipant
    const onChange = (speaking: boolean) => spans.speaking(speaking, serverNow())
    local.on(ParticipantEvent.IsSpeakingChanged, onChange)
    const timer = setInterval(() => spans.tick(serverNow()), 1_000)
    return () => {
      local.off(ParticipantEvent.IsSpeakingChanged, onChange)
      clearInterval(timer)
      spans.stop(serverNow())
    }
  }, [room])
}
