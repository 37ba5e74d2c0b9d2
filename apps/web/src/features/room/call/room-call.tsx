'use client'

import type { Role } from '@mockroom/access'
import dynamic from 'next/dynamic'
import type { TalkReporting } from './use-talk-reporter'
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
// and the room joins the call at once, in parallel with the documents, never after them.
const CallPanel = dynamic(() => import('./call-panel'), {
  ssr: false,
  loading: CallPlaceholder,
})

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
}

export function RoomCall({ sessionToken, ended, role, voices, talk }: Props) {
  return (
    <CallPanel sessionToken={sessionToken} ended={ended} role={role} voices={voices} talk={talk} />
  )
}
