import { useCallback, useEffect, useState } from 'react'
import { ApiError, describeFailure } from './api-error'
import { identityStorage } from './identity-storage'
import type { TokenResponse } from '../contract/join'
import { joinRoom, type JoinResult } from './join-room'
import { refreshToken } from './refresh-token'
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
  /** joins again with the same identity: the room's current round, with this person's role */
  rejoin: () => Promise<JoinResult>
  /** a fresh token for the same person, nothing else (ahead of expiry and on 4401/4402) */
  refresh: () => Promise<TokenResponse>
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
  const removedOn403 = useCallback(
    async <T>(call: () => Promise<T>): Promise<T> => {
      try {
        return await call()
      } catch (error) {
        if (error instanceof ApiError && error.status === 403) markRemoved()
        throw error
      }
    },
    [markRemoved],
  )
  const rejoin = useCallback(() => {
    if (!joined) return Promise.reject(new Error('not joined'))
    return removedOn403(() =>
      joinRoom({
        capability,
        name: joined.name,
        participantId: joined.participantId,
        participantKey: identityStorage.loadParticipantKey(capability),
      }),
    )
  }, [capability, joined, removedOn403])
  const refresh = useCallback(async (): Promise<TokenResponse> => {
    if (!joined) throw new Error('not joined')
    const participantKey = identityStorage.loadParticipantKey(capability)
    // an identity saved before keys existed can only join again
    if (!participantKey) return rejoin()
    const { participantId } = joined
    return removedOn403(() => refreshToken({ capability, participantId, participantKey }))
  }, [capability, joined, rejoin, removedOn403])

  const enterSession = useCallback((session: JoinResult) => {
    setState({ kind: 'joined', session })
  }, [])

  return { state, name, setName, join, rejoin, refresh, enterSession, markRemoved }
}
