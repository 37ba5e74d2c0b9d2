import { decodeJwt } from 'jose'
import {
  ConnectionError,
  ConnectionErrorReason,
  DisconnectReason,
  RoomEvent,
  type Room,
} from 'livekit-client'
import { ApiError } from '../../../lib/api-error'
import type { CallDetails } from './fetch-call-details'
import { retryDelay } from './retry-delay'

export type CallState =
  | { phase: 'connecting' }
  | { phase: 'connected'; serverUrl: string }
  /** retryAt is null while a retry is under way; the alert stays up until we are back */
  | {
      phase: 'offline'
      cause: 'server' | 'token'
      serverUrl: string | null
      retryAt: number | null
    }
  /** retrying on a timer will not help (refused, replaced, ended): wait for a click */
  | { phase: 'stopped'; message: string; ended?: true }

export const CALL_ENDED = 'The call has ended.'

// A token is reused across retries while younger than this and than half its lifetime (a
// deployment may hand out short-lived ones: LIVEKIT_TOKEN_TTL_SECONDS).
const DETAILS_MAX_AGE_MS = 4 * 60_000

/** ms since the epoch when a JWT expires (its `exp`), or null when it carries none */
export function tokenExpiry(jwt: string): number | null {
  try {
    // decoded, not verified: the call server checks the signature, we only plan the renewal
    const { exp } = decodeJwt(jwt)
    return typeof exp === 'number' ? exp * 1000 : null
  } catch {
    return null
  }
}

// Joins the call (a LiveKit room) and keeps trying with backoff: one attempt at a time, never a tight loop.
// Plain TypeScript (no React) so the rules are readable in one place.
export class CallConnector {
  private state: CallState = { phase: 'connecting' }
  private readonly listeners = new Set<() => void>()
  private failures = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private attempting = false
  private ended = false
  /** bumped by start/stop so a stale attempt never touches the state */
  private generation = 0
  private details: { value: CallDetails; until: number } | null = null
  private fetchDetails: () => Promise<CallDetails> = () => Promise.reject(new Error('not started'))

  constructor(private readonly call: Room) {}

  getState = (): CallState => this.state

  subscribe = (onChange: () => void): (() => void) => {
    this.listeners.add(onChange)
    return () => this.listeners.delete(onChange)
  }

  start(fetchDetails: () => Promise<CallDetails>): void {
    this.fetchDetails = fetchDetails
    this.generation += 1
    this.attempting = false
    this.call.on(RoomEvent.Disconnected, this.onDisconnected)
    void this.attempt()
  }

  stop(): void {
    this.generation += 1
    clearTimeout(this.timer)
    this.call.off(RoomEvent.Disconnected, this.onDisconnected)
    void this.call.disconnect()
  }

  /**
   * The interview has ended: the call is over for good, so no more attempts or timers (the
   * server closes the LiveKit room; retrying would only knock on a closed door).
   */
  end(): void {
    if (this.ended) return
    this.ended = true
    this.generation += 1
    this.attempting = false
    clearTimeout(this.timer)
    this.call.off(RoomEvent.Disconnected, this.onDisconnected)
    void this.call.disconnect()
    this.set({ phase: 'stopped', message: CALL_ENDED, ended: true })
  }

  /** the "Retry now" button, and the browser coming back online */
  retryNow = (): void => {
    const { phase } = this.state
    if (this.ended || this.attempting || phase === 'connected' || phase === 'connecting') return
    clearTimeout(this.timer)
    void this.attempt()
  }

  private set(state: CallState): void {
    this.state = state
    this.listeners.forEach((listener) => listener())
  }

  private async attempt(): Promise<void> {
    const generation = this.generation
    this.attempting = true
    this.set(
      this.state.phase === 'offline' ? { ...this.state, retryAt: null } : { phase: 'connecting' },
    )
    let serverUrl: string | null = null
    try {
      const details = await this.currentDetails()
      serverUrl = details.serverUrl
      if (generation !== this.generation) return
      // maxRetries 0: the backoff here is the only retry loop
      await this.call.connect(details.serverUrl, details.participantToken, { maxRetries: 0 })
      if (generation !== this.generation) return
      this.failures = 0
      this.set({ phase: 'connected', serverUrl })
    } catch (error) {
      if (generation === this.generation) this.fail(error, serverUrl)
    } finally {
      if (generation === this.generation) this.attempting = false
    }
  }

  private async currentDetails(): Promise<CallDetails> {
    const cached = this.details
    if (cached && Date.now() < cached.until) return cached.value
    const value = await this.fetchDetails()
    const now = Date.now()
    const expiry = tokenExpiry(value.participantToken) ?? now + 2 * DETAILS_MAX_AGE_MS
    this.details = { value, until: now + Math.min(DETAILS_MAX_AGE_MS, (expiry - now) / 2) }
    return value
  }

  private fail(error: unknown, serverUrl: string | null): void {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      this.details = null
      this.set({
        phase: 'stopped',
        message: `Audio unavailable — Mockroom did not accept this session for the call (${error.message}). Reload the page to join the call.`,
      })
    } else if (
      error instanceof ConnectionError &&
      error.reason === ConnectionErrorReason.NotAllowed
    ) {
      this.details = null
      this.set({
        phase: 'stopped',
        message:
          "Audio unavailable — the call server refused Mockroom's pass (its API key or secret may not match).",
      })
    } else {
      this.scheduleRetry(serverUrl === null ? 'token' : 'server', serverUrl)
    }
  }

  private scheduleRetry(cause: 'server' | 'token', serverUrl: string | null): void {
    const delay = retryDelay(this.failures)
    this.failures += 1
    this.set({ phase: 'offline', cause, serverUrl, retryAt: Date.now() + delay })
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.attempt(), delay)
  }

  // After a successful join: LiveKit has already tried to resume and reconnect by itself.
  private onDisconnected = (reason?: DisconnectReason): void => {
    if (this.state.phase !== 'connected' || reason === DisconnectReason.CLIENT_INITIATED) return
    if (reason === DisconnectReason.DUPLICATE_IDENTITY) {
      this.set({ phase: 'stopped', message: 'You joined the call from another tab or window.' })
    } else if (
      reason === DisconnectReason.ROOM_DELETED ||
      reason === DisconnectReason.ROOM_CLOSED ||
      reason === DisconnectReason.PARTICIPANT_REMOVED
    ) {
      this.set({ phase: 'stopped', message: CALL_ENDED })
    } else {
      this.scheduleRetry('server', this.state.serverUrl)
    }
  }
}
