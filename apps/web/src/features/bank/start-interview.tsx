'use client'

import type { SessionMode } from '@mockroom/session-model'
import { useState } from 'react'
import { describeFailure } from '../../lib/api-error'
import { createRoom, type CreatedRoom } from './create-room-api'
import { capabilityOf, saveLink } from '../../lib/saved-links'
import { ModePicker } from './mode-picker'
import { RoomCreatedPanel } from './room-created-panel'

type State =
  | { kind: 'idle'; error: string | null }
  | { kind: 'creating' }
  | { kind: 'created'; room: CreatedRoom }

export function StartInterview({
  questionId,
  setCapability,
}: {
  questionId: string
  /** a coach's question: the set's link, which the server checks offers it */
  setCapability?: string
}) {
  const [state, setState] = useState<State>({ kind: 'idle', error: null })
  const [mode, setMode] = useState<SessionMode>('interview')

  if (state.kind === 'created') return <RoomCreatedPanel links={state.room.links} />

  const start = async () => {
    setState({ kind: 'creating' })
    try {
      const room = await createRoom(questionId, mode, setCapability)
      // whoever creates the room runs it: their interviewer link lists it on /sessions
      saveLink(capabilityOf(room.links.interviewer) ?? '')
      setState({ kind: 'created', room })
    } catch (error) {
      setState({
        kind: 'idle',
        error: describeFailure(error, 'The room could not be created. Please try again.'),
      })
    }
  }

  return (
    <div className="start">
      <ModePicker value={mode} onChange={setMode} disabled={state.kind === 'creating'} />
      <button
        type="button"
        className="button button--primary button--large"
        disabled={state.kind === 'creating'}
        aria-busy={state.kind === 'creating'}
        onClick={() => void start()}
      >
        Start a mock interview
      </button>
      {state.kind === 'creating' && <p className="hint">Creating the room…</p>}
      {state.kind === 'idle' && state.error && (
        <p role="alert" className="alert">
          {state.error}
        </p>
      )}
    </div>
  )
}
