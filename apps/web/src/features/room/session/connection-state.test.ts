import { describe, expect, it } from 'vitest'
import {
  initialConnectionState,
  reduceConnection,
  type ConnectionEvent,
  type ConnectionState,
} from './connection-state'

const run = (...events: ConnectionEvent[]): ConnectionState =>
  events.reduce(reduceConnection, initialConnectionState)

describe('the connection pill', () => {
  it('says Synced only when in sync with no edit waiting for the server', () => {
    expect(run({ type: 'sync', synced: true }).phase).toBe('synced')
    expect(run({ type: 'sync', synced: true }, { type: 'acks', pending: true }).phase).toBe(
      'sending',
    )
    expect(
      run(
        { type: 'sync', synced: true },
        { type: 'acks', pending: true },
        { type: 'acks', pending: false },
      ).phase,
    ).toBe('synced')
  })

  it('says Reconnecting through a stalled socket, whatever the edits', () => {
    const stalled = run(
      { type: 'sync', synced: true },
      { type: 'acks', pending: true },
      { type: 'stall', stalled: true },
    )
    expect(stalled.phase).toBe('reconnecting')
    expect(reduceConnection(stalled, { type: 'stall', stalled: false }).phase).toBe('sending')
  })

  it('stays Reconnecting through reconnect attempts until in sync again', () => {
    const lost = run({ type: 'sync', synced: true }, { type: 'status', status: 'disconnected' })
    expect(lost.phase).toBe('reconnecting')
    expect(reduceConnection(lost, { type: 'status', status: 'connected' }).phase).toBe(
      'reconnecting',
    )
    expect(reduceConnection(lost, { type: 'sync', synced: true }).phase).toBe('synced')
  })

  it('says Offline when the browser knows the network is gone', () => {
    const offline = run({ type: 'sync', synced: true }, { type: 'browser', online: false })
    expect(offline.phase).toBe('offline')
    expect(reduceConnection(offline, { type: 'sync', synced: true }).phase).toBe('offline')
  })
})
