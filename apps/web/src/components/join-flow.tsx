'use client'

import type { Role } from '@mockroom/access'
import dynamic from 'next/dynamic'
import { useEffect } from 'react'
import { useJoin } from '../client/use-join'
import { Lobby } from './lobby'

// Tiptap, Yjs and the websocket provider live in this chunk: the lobby never downloads them.
const RoomView = dynamic(() => import('./room-view'), {
  ssr: false,
  loading: () => (
    <p className="card loading" aria-busy="true">
      Opening the room…
    </p>
  ),
})

interface Props {
  capability: string
  role: Role
  questionTitle: string
}

export function JoinFlow({ capability, role, questionTitle }: Props) {
  const { state, name, setName, join, renew } = useJoin(capability)

  // The room's code is not needed for the lobby's first paint, but it is needed the moment the
  // person presses Join: fetch it once the browser is idle, or at the latest when joining starts.
  useEffect(() => {
    if (state.kind === 'joining') {
      void import('./room-view')
      return
    }
    // Safari has no requestIdleCallback; a short timeout is close enough there
    if (typeof window.requestIdleCallback !== 'function') {
      const t = setTimeout(() => void import('./room-view'), 200)
      return () => clearTimeout(t)
    }
    const handle = window.requestIdleCallback(() => void import('./room-view'))
    return () => window.cancelIdleCallback(handle)
  }, [state.kind])

  if (state.kind === 'joined') return <RoomView session={state.session} renew={renew} />

  return (
    <Lobby
      questionTitle={questionTitle}
      role={role}
      name={name}
      onNameChange={setName}
      onJoin={join}
      busy={state.kind !== 'lobby'}
      joining={state.kind === 'joining'}
      error={state.kind === 'lobby' ? state.error : null}
      checkMic={state.kind !== 'checking'}
    />
  )
}
