import { EventEmitter } from 'node:events'
import {
  ConnectionError,
  ConnectionState,
  DisconnectReason,
  RoomEvent,
  type Room,
} from 'livekit-client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../lib/api-error'
import { CallConnector, tokenExpiry } from './call-connector'
import type { CallDetails } from './fetch-call-details'

const details: CallDetails = {
  serverUrl: 'ws://127.0.0.1:7',
  participantToken: 'lk-token',
  roomName: 'mockroom-r1',
}

class FakeCall extends EventEmitter {
  state = ConnectionState.Disconnected
  connect = vi.fn<(url: string, token: string) => Promise<void>>()
  disconnect = vi.fn(() => Promise.resolve())
}

/** the call server's HTTP port, as the connector's watch sees it */
const server = { up: false, probes: 0 }

function setup(fetchDetails = vi.fn(() => Promise.resolve(details))) {
  const call = new FakeCall()
  server.up = false
  server.probes = 0
  const probe = (url: string) => {
    expect(url).toBe(details.serverUrl)
    server.probes++
    return Promise.resolve(server.up)
  }
  // random 0.5: probes every 2 s exactly, rejoins 0.5 s after the server answers
  const connector = new CallConnector(call as unknown as Room, probe, () => 0.5)
  return { call, connector, fetchDetails }
}

const unreachable = () => ConnectionError.serverUnreachable('could not establish signal connection')

describe('CallConnector', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('backs off 2, 4, 8 s while the server is unreachable and reuses a fresh token', async () => {
    const { call, connector, fetchDetails } = setup()
    call.connect.mockRejectedValue(unreachable())
    connector.start(fetchDetails)
    await vi.advanceTimersByTimeAsync(0)
    expect(connector.getState()).toEqual({
      phase: 'offline',
      cause: 'server',
      serverUrl: 'ws://127.0.0.1:7',
      retryAt: Date.now() + 2_000,
    })
    await vi.advanceTimersByTimeAsync(1_999)
    expect(call.connect).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(call.connect).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(4_000)
    expect(call.connect).toHaveBeenCalledTimes(3)
    expect(connector.getState()).toMatchObject({ retryAt: Date.now() + 8_000 })
    expect(fetchDetails).toHaveBeenCalledTimes(1)

    // a token older than a few minutes is fetched again before the next attempt
    await vi.advanceTimersByTimeAsync(4 * 60_000)
    expect(fetchDetails).toHaveBeenCalledTimes(2)
    connector.stop()
  })

  it('retries at once on "Retry now", but never twice at the same time', async () => {
    const { call, connector, fetchDetails } = setup()
    call.connect.mockRejectedValueOnce(unreachable())
    connector.start(fetchDetails)
    await vi.advanceTimersByTimeAsync(0)
    call.connect.mockReturnValueOnce(new Promise(() => {}))
    connector.retryNow()
    connector.retryNow()
    await vi.advanceTimersByTimeAsync(0)
    expect(call.connect).toHaveBeenCalledTimes(2)
    expect(connector.getState()).toMatchObject({ phase: 'offline', retryAt: null })
    connector.stop()
  })

  it('stops for good once the interview has ended: no timer, no attempt', async () => {
    const { call, connector, fetchDetails } = setup()
    call.connect.mockRejectedValue(unreachable())
    connector.start(fetchDetails)
    await vi.advanceTimersByTimeAsync(0)
    expect(connector.getState()).toMatchObject({ phase: 'offline' })
    connector.end()
    expect(connector.getState()).toEqual({
      phase: 'stopped',
      message: 'The call has ended.',
      ended: true,
    })
    await vi.advanceTimersByTimeAsync(120_000)
    expect(call.connect).toHaveBeenCalledTimes(1)
    // "Retry now" (or the browser coming online) does not start it again
    connector.retryNow()
    await vi.advanceTimersByTimeAsync(0)
    expect(call.connect).toHaveBeenCalledTimes(1)
    connector.stop()
  })

  it('stops retrying when Mockroom refuses the session (401)', async () => {
    const { call, connector } = setup()
    connector.start(() => Promise.reject(new ApiError('token expired', 401)))
    await vi.advanceTimersByTimeAsync(60_000)
    expect(connector.getState()).toMatchObject({ phase: 'stopped' })
    expect(call.connect).not.toHaveBeenCalled()
    connector.stop()
  })

  it('goes back to retrying when a joined call drops, and leaves on stop', async () => {
    const { call, connector, fetchDetails } = setup()
    call.connect.mockResolvedValue()
    connector.start(fetchDetails)
    await vi.advanceTimersByTimeAsync(0)
    expect(connector.getState()).toEqual({ phase: 'connected', serverUrl: 'ws://127.0.0.1:7' })
    call.emit(RoomEvent.Disconnected, DisconnectReason.SIGNAL_CLOSE)
    expect(connector.getState()).toMatchObject({ phase: 'offline', retryAt: Date.now() + 2_000 })
    await vi.advanceTimersByTimeAsync(2_000)
    expect(connector.getState()).toMatchObject({ phase: 'connected' })

    call.emit(RoomEvent.Disconnected, DisconnectReason.DUPLICATE_IDENTITY)
    expect(connector.getState()).toMatchObject({ phase: 'stopped' })
    connector.stop()
    expect(call.disconnect).toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(call.connect).toHaveBeenCalledTimes(2)
  })

  it('rejoins within seconds of the server answering again, not after the backoff', async () => {
    const { call, connector, fetchDetails } = setup()
    call.connect.mockRejectedValue(unreachable())
    connector.start(fetchDetails)
    // five failed attempts: the next one is 30 s away
    await vi.advanceTimersByTimeAsync(2_000 + 4_000 + 8_000 + 16_000)
    expect(call.connect).toHaveBeenCalledTimes(5)
    expect(connector.getState()).toMatchObject({ retryAt: Date.now() + 30_000 })
    const probesWhileAway = server.probes
    expect(probesWhileAway).toBeGreaterThanOrEqual(14)

    server.up = true
    call.connect.mockResolvedValue()
    // the next probe (≤ 2 s) sees it, the rejoin follows 0.5 s later
    await vi.advanceTimersByTimeAsync(2_500)
    expect(call.connect).toHaveBeenCalledTimes(6)
    expect(connector.getState()).toMatchObject({ phase: 'connected' })
    // connected: no more probes
    await vi.advanceTimersByTimeAsync(20_000)
    expect(server.probes).toBe(probesWhileAway + 1)
    connector.stop()
  })

  it('keeps the backoff for a server that answers HTTP but refuses calls', async () => {
    const { call, connector, fetchDetails } = setup()
    server.up = true
    call.connect.mockRejectedValue(unreachable())
    connector.start(fetchDetails)
    await vi.advanceTimersByTimeAsync(2_000 + 4_000 + 8_000)
    expect(call.connect).toHaveBeenCalledTimes(4)
    connector.stop()
  })

  it('takes over when livekit-client is still reconnecting after its server is back', async () => {
    const { call, connector, fetchDetails } = setup()
    call.connect.mockResolvedValue()
    connector.start(fetchDetails)
    await vi.advanceTimersByTimeAsync(0)
    call.state = ConnectionState.SignalReconnecting
    call.emit(RoomEvent.ConnectionStateChanged, call.state)
    await vi.advanceTimersByTimeAsync(4_000)
    expect(server.probes).toBe(2)
    server.up = true
    // probe (2 s), jitter (0.5 s), livekit-client's grace (2 s): then a fresh join
    await vi.advanceTimersByTimeAsync(4_500)
    expect(call.disconnect).toHaveBeenCalledTimes(1)
    expect(call.connect).toHaveBeenCalledTimes(2)
    expect(connector.getState()).toMatchObject({ phase: 'connected' })
    connector.stop()
  })

  it('leaves livekit-client alone when it resumes by itself', async () => {
    const { call, connector, fetchDetails } = setup()
    call.connect.mockResolvedValue()
    connector.start(fetchDetails)
    await vi.advanceTimersByTimeAsync(0)
    call.state = ConnectionState.SignalReconnecting
    call.emit(RoomEvent.ConnectionStateChanged, call.state)
    await vi.advanceTimersByTimeAsync(2_000)
    server.up = true
    await vi.advanceTimersByTimeAsync(2_500)
    call.state = ConnectionState.Connected
    call.emit(RoomEvent.ConnectionStateChanged, call.state)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(call.disconnect).not.toHaveBeenCalled()
    expect(call.connect).toHaveBeenCalledTimes(1)
    connector.stop()
  })

  it('says "starting" and asks every 3 s while pnpm start prepares the call server', async () => {
    const preparing = { ...details, preparing: true }
    const { call, connector, fetchDetails } = setup(vi.fn(() => Promise.resolve(preparing)))
    call.connect.mockRejectedValue(unreachable())
    connector.start(fetchDetails)
    await vi.advanceTimersByTimeAsync(0)
    expect(connector.getState()).toMatchObject({ phase: 'offline', cause: 'starting' })
    await vi.advanceTimersByTimeAsync(30_000)
    // no backoff, and a fresh pass each time (it says when the server is ready)
    expect(call.connect).toHaveBeenCalledTimes(11)
    expect(fetchDetails).toHaveBeenCalledTimes(11)
    fetchDetails.mockResolvedValue(details)
    call.connect.mockResolvedValue()
    await vi.advanceTimersByTimeAsync(3_000)
    expect(connector.getState()).toMatchObject({ phase: 'connected' })
    connector.stop()
  })
})

describe('tokenExpiry', () => {
  const jwt = (payload: object) =>
    `h.${btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.s`

  it("reads a token's exp in ms, or null", () => {
    expect(tokenExpiry(jwt({ exp: 1_700_000_000, sub: 'p?>~' }))).toBe(1_700_000_000_000)
    expect(tokenExpiry(jwt({ sub: 'x' }))).toBeNull()
    expect(tokenExpiry('not a jwt')).toBeNull()
  })
})
