import { decodeJwt } from 'jose'
import {
  ConnectionError,
  ConnectionErrorReason,
  ConnectionState,
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
      /** starting: `pnpm start` is still preparing the local call server */
      cause: 'server' | 'token' | 'starting'
      serverUrl: string | null
      retryAt: number | null
    }
  /** retrying on a timer will not help (refused, replaced, ended): wait for a click */
  | { phase: 'stopped'; message: string; ended?: true }

export const CALL_ENDED = 'The call has ended.'

// A token is reused across retries while younger than this and than half its lifetime (a
// deployment may hand out short-lived ones: LIVEKIT_TOKEN_TTL_SECONDS).
const DETAILS_MAX_AGE_MS = 4 * 60_000
// While the call server is away, its HTTP port is asked every 1.5–2.5 s (jittered, so the people
// of a call do not knock in step) and the call rejoins as soon as it answers again, instead of
// waiting out the backoff (ours: up to 30 s; livekit-client's own reconnects: up to ~10 s apart).
const WATCH_MS = 2_000
const PROBE_TIMEOUT_MS = 1_500
/** spread of the rejoins once the server is back: several people must not stampede */
const BACK_JITTER_MS = 1_000
/** how long livekit-client gets to resume by itself once its server answers again */
const RESUME_GRACE_MS = 2_000
/** a call server that `pnpm start` is preparing is asked again this often */
const STARTING_RETRY_MS = 3_000

/** Does the call server answer? `true` once its HTTP port does (an opaque answer is enough). */
export type ProbeCallServer = (serverUrl: string) => Promise<boolean>

export const probeCallServer: ProbeCallServer = (serverUrl) =>
  fetch(serverUrl.replace(/^ws/, 'http'), {
    mode: 'no-cors',
    cache: 'no-store',
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
  }).then(
    () => true,
    () => false,
  )

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
  /** the server being watched while away; `sawDown` once a probe found it silent */
  private watching: { serverUrl: string; sawDown: boolean } | null = null
  private watchTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly call: Room,
    private readonly probe: ProbeCallServer = probeCallServer,
    private readonly random: () => number = Math.random,
  ) {}

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
    this.call.on(RoomEvent.ConnectionStateChanged, this.onConnectionState)
    void this.attempt()
  }

  stop(): void {
    this.leave()
  }

  /** No more attempts, timers or events; out of the call. */
  private leave(): void {
    this.generation += 1
    clearTimeout(this.timer)
    this.unwatch()
    this.call.off(RoomEvent.Disconnected, this.onDisconnected)
    this.call.off(RoomEvent.ConnectionStateChanged, this.onConnectionState)
    void this.call.disconnect()
  }

  /**
   * The interview has ended: the call is over for good, so no more attempts or timers (the
   * server closes the LiveKit room; retrying would only knock on a closed door).
   */
  end(): void {
    if (this.ended) return
    this.ended = true
    this.attempting = false
    this.leave()
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
    let preparing = false
    try {
      const details = await this.currentDetails()
      serverUrl = details.serverUrl
      preparing = details.preparing === true
      if (generation !== this.generation) return
      // maxRetries 0: the backoff here is the only retry loop
      await this.call.connect(details.serverUrl, details.participantToken, { maxRetries: 0 })
      if (generation !== this.generation) return
      this.failures = 0
      this.unwatch()
      this.set({ phase: 'connected', serverUrl })
    } catch (error) {
      if (generation !== this.generation) return
      if (preparing && serverUrl !== null) this.starting(serverUrl)
      else this.fail(error, serverUrl)
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
    if (cause === 'server' && serverUrl !== null) this.watch(serverUrl)
  }

  /** The call server is still being prepared: ask again soon, with a fresh pass, no backoff. */
  private starting(serverUrl: string): void {
    this.details = null
    this.set({
      phase: 'offline',
      cause: 'starting',
      serverUrl,
      retryAt: Date.now() + STARTING_RETRY_MS,
    })
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.attempt(), STARTING_RETRY_MS)
  }

  private watch(serverUrl: string): void {
    if (this.watching?.serverUrl === serverUrl) return
    this.unwatch()
    this.watching = { serverUrl, sawDown: false }
    this.nextProbe()
  }

  private unwatch = (): void => {
    this.watching = null
    clearTimeout(this.watchTimer)
  }

  private nextProbe(): void {
    const delay = WATCH_MS * (0.75 + this.random() * 0.5)
    this.watchTimer = setTimeout(() => void this.probeOnce(), delay)
  }

  private async probeOnce(): Promise<void> {
    const watching = this.watching
    if (!watching) return
    const up = await this.probe(watching.serverUrl)
    if (this.watching !== watching) return
    // only a server seen away and then back: one that answers HTTP but refuses calls keeps the backoff
    if (up && watching.sawDown) {
      this.unwatch()
      this.watchTimer = setTimeout(this.serverBack, this.random() * BACK_JITTER_MS)
      return
    }
    if (!up) watching.sawDown = true
    this.nextProbe()
  }

  private serverBack = (): void => {
    if (this.state.phase === 'offline') return this.retryNow()
    if (this.state.phase !== 'connected') return
    // livekit-client is still reconnecting on its own schedule: give it a moment, then rejoin
    const generation = this.generation
    this.watchTimer = setTimeout(() => {
      if (generation !== this.generation || this.state.phase !== 'connected') return
      if (this.call.state === ConnectionState.Connected) return
      this.generation += 1
      void this.call.disconnect().then(() => this.attempt())
    }, RESUME_GRACE_MS)
  }

  // livekit-client lost its server and retries by itself (resuming the signal connection
  // first, then a full reconnect): watch the server meanwhile
  private onConnectionState = (state: ConnectionState): void => {
    if (state === ConnectionState.Connected) this.unwatch()
    else if (
      (state === ConnectionState.SignalReconnecting || state === ConnectionState.Reconnecting) &&
      this.state.phase === 'connected'
    )
      this.watch(this.state.serverUrl)
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
