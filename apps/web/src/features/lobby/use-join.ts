import { useCallback, useEffect, useState } from 'react'
import { ApiError, describeFailure } from '../../lib/api-error'
import { identityStorage } from '../../lib/identity-storage'
import type { TokenResponse } from '../../contract/join'
import type { JoinResult, RefusedError } from '../room/session/join-api'
import { saveLink } from '../../lib/saved-links'

let lobbyApi: Promise<typeof import('./lobby-api')> | null = null
/** the API calls and their schemas: fetched after the page has loaded, or at the first Join */
const loadApi = () => (lobbyApi ??= import('./lobby-api'))

const isRefusal = (error: unknown): error is RefusedError =>
  error instanceof ApiError && 'reason' in error

// how often a waiting browser asks whether the interviewer let it in
const ADMISSION_POLL_MS = 1500

export type JoinState =
  | { kind: 'checking' }
  | { kind: 'lobby'; error: string | null }
  | { kind: 'joining' }
  | { kind: 'joined'; session: JoinResult }
  /** in the waiting room: stored with a name, no token until the interviewer admits them */
  | { kind: 'waiting'; name: string }
  /** the interviewer turned this person away at the waiting room */
  | { kind: 'turned-away' }
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
export function useJoin(capability: string, callServerUrl: string): JoinControls {
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
        const { joinRoom } = await loadApi()
        const session = await joinRoom({
          capability,
          name: trimmed,
          participantId: identityStorage.loadParticipantId(capability),
          participantKey: identityStorage.loadParticipantKey(capability),
        })
        identityStorage.saveParticipantId(capability, session.participantId)
        if (session.participantKey)
          identityStorage.saveParticipantKey(capability, session.participantKey)
        // a reload while waiting asks again (and waits again) rather than showing the lobby
        identityStorage.setJoined(capability, true)
        if ('waiting' in session) {
          setState({ kind: 'waiting', name: session.name })
          return
        }
        // remembered for /sessions: the same link opens this room's records later
        saveLink(capability)
        setState({ kind: 'joined', session })
      } catch (error) {
        identityStorage.setJoined(capability, false)
        if (isRefusal(error)) {
          setState({ kind: error.reason })
          return
        }
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

  // While the name is typed: the API calls and the call's code (livekit-client) are fetched
  // once the page has loaded and is idle, so Join starts the call without waiting for them.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let idle = 0
    const load = () => {
      void loadApi()
      void import('../room/call/call-panel')
      void import('../room/call/call-warmup').then((call) => call.warmCall(callServerUrl))
    }
    const prefetch = () => {
      // Safari has no requestIdleCallback; a short timeout is close enough there
      if (typeof window.requestIdleCallback !== 'function') timer = setTimeout(load, 200)
      else idle = window.requestIdleCallback(load)
    }
    if (document.readyState === 'complete') prefetch()
    else window.addEventListener('load', prefetch, { once: true })
    return () => {
      window.removeEventListener('load', prefetch)
      clearTimeout(timer)
      if (idle) window.cancelIdleCallback(idle)
    }
  }, [callServerUrl])

  // the call is joined the moment the session token exists, while the room and its documents load
  const sessionToken = state.kind === 'joined' ? state.session.token : null
  useEffect(() => {
    if (sessionToken)
      void import('../room/call/call-warmup').then((call) => call.connectEarly(sessionToken))
  }, [sessionToken])

  const join = useCallback(() => void joinAs(name), [joinAs, name])

  // In the waiting room: ask until the interviewer decides, then join (now with a token).
  const waitingName = state.kind === 'waiting' ? state.name : null
  useEffect(() => {
    if (waitingName === null) return
    const id = identityStorage.loadParticipantId(capability)
    const key = identityStorage.loadParticipantKey(capability)
    if (!id || !key) return
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const ask = async () => {
      try {
        const { fetchAdmission } = await loadApi()
        const status = await fetchAdmission(id, key, controller.signal)
        if (status === 'admitted') return void joinAs(waitingName)
        if (status === 'turned-away' || status === 'removed') {
          identityStorage.setJoined(capability, false)
          return setState({ kind: status })
        }
      } catch {
        // a network blip: ask again on the next tick
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void ask(), ADMISSION_POLL_MS)
    }
    timer = setTimeout(() => void ask(), ADMISSION_POLL_MS)
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [capability, joinAs, waitingName])

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
    return removedOn403(async () => {
      const { joinRoom } = await loadApi()
      const next = await joinRoom({
        capability,
        name: joined.name,
        participantId: joined.participantId,
        participantKey: identityStorage.loadParticipantKey(capability),
      })
      // someone already in is never sent back to the waiting room
      if ('waiting' in next) throw new Error('sent to the waiting room')
      return next
    })
  }, [capability, joined, removedOn403])
  const refresh = useCallback(async (): Promise<TokenResponse> => {
    if (!joined) throw new Error('not joined')
    const participantKey = identityStorage.loadParticipantKey(capability)
    // an identity saved before keys existed can only join again
    if (!participantKey) return rejoin()
    const { participantId } = joined
    return removedOn403(async () =>
      (await loadApi()).refreshToken({ capability, participantId, participantKey }),
    )
  }, [capability, joined, rejoin, removedOn403])

  const enterSession = useCallback((session: JoinResult) => {
    setState({ kind: 'joined', session })
  }, [])

  return { state, name, setName, join, rejoin, refresh, enterSession, markRemoved }
}
