'use client'

import type { Role } from '@mockroom/access'
import { useEffect, useState } from 'react'
import type { TalkReporting } from './use-talk-reporter'
import type { LocalRecording } from '../recording/use-local-recorder'
import type { VoiceStore } from './voice-store'
import type { ConnectionPhase } from '../session/connection-state'

function CallPlaceholder() {
  return (
    <section className="panel call" aria-labelledby="call-title">
      <h2 id="call-title">Call</h2>
      <p className="hint" aria-busy="true">
        Loading the call…
      </p>
    </section>
  )
}

// livekit-client lives in this chunk: the lobby fetches it while the name is typed (use-join.ts),
// and the room joins the call at once, in parallel with the documents, never after them. Loaded by
// hand, not with next/dynamic: Suspense would hold the panel back for React's 300 ms throttle.
type CallPanelModule = typeof import('./call-panel')
let callPanelModule: Promise<CallPanelModule> | null = null
const loadCallPanel = () => (callPanelModule ??= import('./call-panel'))

function useCallPanel(): CallPanelModule['default'] | null {
  const [panel, setPanel] = useState<CallPanelModule | null>(null)
  useEffect(() => {
    let live = true
    void loadCallPanel().then((m) => live && setPanel(() => m))
    return () => {
      live = false
    }
  }, [])
  return panel?.default ?? null
}

interface Props {
  /** the answer document's phase (the call no longer waits for it) */
  phase?: ConnectionPhase
  sessionToken: string
  /** the interview has ended: no more call attempts */
  ended: boolean
  role: Role
  voices: VoiceStore
  /** where our speaking spans go (talk time) */
  talk: TalkReporting
  /** our own microphone's recording, when the server says we are recorded (null: never) */
  recording: LocalRecording | null
}

export function RoomCall({ sessionToken, ended, role, voices, talk, recording }: Props) {
  const CallPanel = useCallPanel()
  if (!CallPanel) return <CallPlaceholder />
  return (
    <CallPanel
      sessionToken={sessionToken}
      ended={ended}
      role={role}
      voices={voices}
      talk={talk}
      recording={recording}
    />
  )
}
