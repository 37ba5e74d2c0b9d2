'use client'

import { audioGrant, type Role } from '@mockroom/access'
import { RoomAudioRenderer, RoomContext, setLogLevel } from '@livekit/components-react'
import { useState } from 'react'
import { takeCall } from './call-warmup'
import { useCallConnection } from './use-call-connection'
import type { TalkReporting } from './use-talk-reporter'
import type { VoiceStore } from './voice-store'
import { CallAlert } from './call-alert'
import { CallDevices } from './call-devices'
import { CallStatus } from './call-status'
import { MicControls } from './mic-controls'
import { PlaybackPrompt } from './playback-prompt'
import { TalkReporter } from './talk-reporter'
import { VoiceReporters } from './voice-reporters'
import { LocalRecorder } from '../recording/local-recorder'
import type { LocalRecording } from '../recording/use-local-recorder'

// An unreachable call server is an expected state, shown in the panel; at 'warn' LiveKit would
// log "Couldn't connect to server" on every retry. 'error' (components and livekit-client alike)
// keeps real problems visible.
setLogLevel('error')

interface Props {
  /** the room's current session token (renewed by the room); traded for a LiveKit token */
  sessionToken: string
  /** the interview has ended: the call stops and says so */
  ended: boolean
  role: Role
  /** where speaking/muted states go for the presence list */
  voices: VoiceStore
  talk: TalkReporting
  /** our own microphone's recording (recording with consent) */
  recording: LocalRecording | null
}

// The audio call. A default export so the room loads it with next/dynamic after first paint:
// livekit-client is the biggest thing in the room and nothing else waits for it.
export default function CallPanel({ sessionToken, ended, role, voices, talk, recording }: Props) {
  const [call] = useState(takeCall)
  const { state, retryNow } = useCallConnection(call, sessionToken, ended)
  const speaks = audioGrant(role).canPublish
  const inCall = state.phase === 'connected'

  // after the end: a calm statement, nothing left to mute or pick
  if (ended)
    return (
      <section className="panel call" aria-labelledby="call-title">
        <h2 id="call-title">Call</h2>
        <p role="status" className="hint">
          The call has ended.
        </p>
      </section>
    )

  return (
    <RoomContext.Provider value={call}>
      <section className="panel call" aria-labelledby="call-title">
        <h2 id="call-title">Call</h2>
        <CallStatus state={state} />
        <CallAlert state={state} onRetry={retryNow} />
        {speaks ? (
          <MicControls inCall={inCall} />
        ) : (
          <p className="call__listen-only">Listen-only</p>
        )}
        <CallDevices speaks={speaks} />
        {inCall && (
          <>
            <RoomAudioRenderer />
            <PlaybackPrompt />
            <VoiceReporters voices={voices} />
            {speaks && <TalkReporter talk={talk} />}
            {speaks && recording && <LocalRecorder recording={recording} />}
          </>
        )}
      </section>
    </RoomContext.Provider>
  )
}
