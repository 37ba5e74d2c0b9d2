'use client'

import { canWrite } from '@mockroom/access'
import dynamic from 'next/dynamic'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { createVoiceStore } from '../client/call/voice-store'
import type { JoinResult } from '../client/join-result'
import { participantColor } from '../client/participant-color'
import { useParticipants } from '../client/use-participants'
import { useRoomConnection, type AwarenessUser } from '../client/use-room-connection'
import { ConnectionStatus } from './connection-status'
import { InvitePanel } from './invite-panel'
import { PresenceList } from './presence-list'
import { QuestionSummary } from './question-summary'
import { SectionEditor } from './section-editor'

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
const CallPanel = dynamic(() => import('./call/call-panel'), {
  ssr: false,
  loading: CallPlaceholder,
})

interface Props {
  session: JoinResult
  /** a fresh token for the same participant */
  renew: () => Promise<JoinResult>
}

// Default export so the join flow can load it with next/dynamic after the lobby has painted.
export default function RoomView({ session, renew }: Props) {
  const { role, name, participantId, roomId, question, template, links } = session
  const editable = canWrite(role, 'answer')

  const user = useMemo<AwarenessUser>(
    () => ({ name, color: participantColor(participantId), role, participantId }),
    [name, participantId, role],
  )
  const self = useMemo(() => ({ id: participantId, name, role }), [participantId, name, role])
  const renewCredentials = useCallback(async () => {
    const next = await renew()
    return { token: next.token, expiresAt: next.expiresAt }
  }, [renew])

  const { connection, phase, problem, token } = useRoomConnection({
    syncUrl: session.syncUrl,
    sessionId: session.sessionId,
    initialCredentials: { token: session.token, expiresAt: session.expiresAt },
    user,
    renew: renewCredentials,
  })
  const [voices] = useState(createVoiceStore)
  // The call's code (~600 KB) would compete with the document's first sync for the main thread,
  // so it loads once the answer has synced (or after 2 s if the sync server is slow to answer).
  const [callReady, setCallReady] = useState(false)
  useEffect(() => {
    if (phase === 'synced') setCallReady(true)
  }, [phase])
  useEffect(() => {
    const t = setTimeout(() => setCallReady(true), 2000)
    return () => clearTimeout(t)
  }, [])
  const people = useParticipants({
    roomId,
    token,
    awareness: connection?.provider.awareness ?? null,
    self,
    selfConnected: phase === 'synced',
  })

  return (
    <div className="room">
      <div className="room__main">
        <QuestionSummary question={question} role={role} />
        {problem && (
          <p role="alert" className="alert">
            {problem}
          </p>
        )}
        {!editable && <p className="note note--observer">You are observing — read only</p>}
        <div className="answer">
          {connection ? (
            template.sections.map((section) => (
              <SectionEditor
                key={section.key}
                section={section}
                connection={connection}
                user={user}
                editable={editable}
              />
            ))
          ) : (
            <p className="hint">Opening the answer document…</p>
          )}
        </div>
      </div>
      <aside className="room__side" aria-label="Room">
        <ConnectionStatus phase={phase} />
        {callReady ? (
          <CallPanel sessionToken={token} role={role} voices={voices} />
        ) : (
          <CallPlaceholder />
        )}
        <PresenceList people={people} voices={voices} />
        {role === 'interviewer' && links && <InvitePanel links={links} />}
      </aside>
    </div>
  )
}
