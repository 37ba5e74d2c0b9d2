'use client'

import type { Role } from '@mockroom/access'
import dynamic from 'next/dynamic'
import { useEffect, useState } from 'react'
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

// livekit-client lives in this chunk; the room asks for it only once it has painted, so the
// document and the presence list never wait for it (or for a call server).
const CallPanel = dynamic(() => import('./call-panel'), {
  ssr: false,
  loading: CallPlaceholder,
})

interface Props {
  /** the answer document's phase: the call waits for the first sync */
  phase: ConnectionPhase
  sessionToken: string
  /** the interview has ended: no more call attempts */
  ended: boolean
  role: Role
  voices: VoiceStore
  /** where our speaking spans go (talk time) */
  talk: TalkReporting
}

export function RoomCall({ phase, sessionToken, ended, role, voices, talk }: Props) {
  // The call's big chunk (docs/performance.md) would slow the answer's first sync: load it after.
  const [callReady, setCallReady] = useState(false)
  useEffect(() => {
    if (phase === 'synced' || phase === 'sending') setCallReady(true)
  }, [phase])
  useEffect(() => {
    const t = setTimeout(() => setCallReady(true), 2000)
    return () => clearTimeout(t)
  }, [])
  if (!callReady) return <CallPlaceholder />
  return (
    <CallPanel sessionToken={sessionToken} ended={ended} role={role} voices={voices} talk={talk} />
  )
}
