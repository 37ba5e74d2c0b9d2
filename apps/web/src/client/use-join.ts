import { useCallback, useEffect, useState } from 'react'
import { ApiError, describeFailure } from './api-error'
import { identityStorage } from './identity-storage'
import type { JoinResult } from './join-result'
import { joinRoom } from './join-room'
import { saveLink } from './saved-links'

export type JoinState =
  | { kind: 'checking' }
  | { kind: 'lobby'; error: string | null }
  | { kind: 'joining' }
  | { kind: 'joined'; session: JoinResult }
  /** the interviewer removed this person: nothing more to do here */
  | { kind: 'removed' }

export interface JoinControls {
  state: JoinState
  name: string
  setName: (name: string) => void
  join: () => void
  /** asks the API for a fresh token for the same person (used by the room on 4401/4402) */
  renew: () => Promise<JoinResult>
  /** moves the room to another session of the same room (the next round) */
  enterSession: (session: JoinResult) => void
  markRemoved: () => void
}

// Lobby → room: remembers the name and participant id so a reload is the same person.
export function useJoin(capability: string): JoinControls {
  const [state, setState] = useState<JoinState>({ kind: 'checking' })
  const [name, setName] = useState('')

  const markRemoved = useCallback(() => {
    // a reload should land in the lobby (which then says why), not retry on its own
    identityStorage.setJoined(capability, false)
    setState({ kind: 'removed' })
  }, [capability])

  const joinAs = useCallback(
    async (rawName: string) => {
      const trimmed = rawName.trim()
      if (!trimmed) return
      setState({ kind: 'joining' })
      identityStorage.saveName(trimmed)
      try {
        const session = await joinRoom({
          capability,
          name: trimmed,
          participantId: identityStorage.loadParticipantId(capability),
          participantKey: identityStorage.loadParticipantKey(capability),
        })
        identityStorage.saveParticipantId(capability, session.participantId)
        if (session.participantKey)
          identityStorage.saveParticipantKey(capability, session.participantKey)
        identityStorage.setJoined(capability, true)
        // remembered for /sessions: the same link opens this room's records later
        saveLink(capability)
        setState({ kind: 'joined', session })
      } catch (error) {
        identityStorage.setJoined(capability, false)
        setState({
          kind: 'lobby',
          error: describeFailure(error, 'Joining failed. Please try again.'),
        })
      }
    },
    [capability],
  )

  // Storage exists only in the browser, so the saved name and the "already joined" flag are
  // read after hydration; the server-rendered lobby starts empty.
  useEffect(() => {
    const saved = identityStorage.loadName()
    if (saved) setName((current) => current || saved)
    if (saved && identityStorage.wasJoined(capability)) void joinAs(saved)
    else setState({ kind: 'lobby', error: null })
  }, [capability, joinAs])

  const join = useCallback(() => void joinAs(name), [joinAs, name])

  const joined = state.kind === 'joined' ? state.session : null
  const renew = useCallback(async () => {
    if (!joined) throw new Error('not joined')
    try {
      return await joinRoom({
        capability,
        name: joined.name,
        participantId: joined.participantId,
        participantKey: identityStorage.loadParticipantKey(capability),
      })
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) markRemoved()
      throw error
    }
  }, [capability, joined, markRemoved])

  const enterSession = useCallback((session: JoinResult) => {
    setState({ kind: 'joined', session })
  }, [])

  return { state, name, setName, join, renew, enterSession, markRemoved }
}
