'use client'

import type { Role } from '@mockroom/access'
import { useEffect, useState } from 'react'
import { useJoin } from './use-join'
import { Lobby, type LobbyRound } from './lobby'
import { RemovedNotice } from '../room/people/removed-notice'
import { WaitingForAdmission } from '../room/people/waiting-for-admission'

// Tiptap, Yjs and the websocket provider live in this chunk: the lobby never downloads them.
// Loaded by hand rather than with next/dynamic: a Suspense boundary holds back revealing its
// content for React's 300 ms fallback throttle, measured as an idle gap between Join and the room.
type RoomViewModule = typeof import('../room/room-view')
let roomViewModule: Promise<RoomViewModule> | null = null
const loadRoomView = () => (roomViewModule ??= import('../room/room-view'))

interface Props {
  capability: string
  role: Role
  /** the room's current round and its state, for the lobby */
  current: LobbyRound
  /** interviewer only: others learn the question when it is revealed in the room */
  questionTitle: string | null
  /** the LiveKit server (public: every call token names it too) */
  callServerUrl: string
}

export function JoinFlow({ capability, role, current, questionTitle, callServerUrl }: Props) {
  const { state, name, setName, join, rejoin, refresh, enterSession, markRemoved } = useJoin(
    capability,
    callServerUrl,
  )

  // The room's code is not needed for the lobby's first paint, but it is needed the moment the
  // person presses Join: fetch it once the browser is idle, or at the latest when joining starts.
  const [room, setRoom] = useState<RoomViewModule | null>(null)
  const needed = state.kind === 'joining' || state.kind === 'joined'
  useEffect(() => {
    let live = true
    const load = () => void loadRoomView().then((m) => live && setRoom(() => m))
    if (needed) {
      load()
      return () => {
        live = false
      }
    }
    // Safari has no requestIdleCallback; a short timeout is close enough there
    if (typeof window.requestIdleCallback !== 'function') {
      const t = setTimeout(load, 200)
      return () => {
        live = false
        clearTimeout(t)
      }
    }
    const handle = window.requestIdleCallback(load)
    return () => {
      live = false
      window.cancelIdleCallback(handle)
    }
  }, [needed])

  if (state.kind === 'removed') return <RemovedNotice />
  if (state.kind === 'turned-away') {
    return (
      <section className="card notice" aria-labelledby="turned-away-title">
        <h1 id="turned-away-title">The interviewer did not let you in</h1>
        <p role="alert">
          You cannot join this interview. If this was a mistake, ask the interviewer for a new link.
        </p>
      </section>
    )
  }
  if (state.kind === 'waiting') return <WaitingForAdmission name={state.name} />
  // Keyed by session: the next round is a fresh room view (new role, documents, call token).
  if (state.kind === 'joined') {
    if (!room)
      return (
        <p className="card loading" aria-busy="true">
          Opening the room…
        </p>
      )
    const RoomView = room.default
    return (
      <RoomView
        key={state.session.sessionId}
        session={state.session}
        reviewHref={`/review/${encodeURIComponent(capability)}/${encodeURIComponent(state.session.sessionId)}`}
        rejoin={rejoin}
        refresh={refresh}
        enterSession={enterSession}
        onRemoved={markRemoved}
      />
    )
  }

  return (
    <Lobby
      questionTitle={questionTitle}
      role={role}
      current={current}
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
