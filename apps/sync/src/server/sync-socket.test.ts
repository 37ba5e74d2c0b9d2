import { describe, expect, it } from 'vitest'
import { SyncSocket } from './sync-socket'

describe('SyncSocket', () => {
  it('starts with no listener object, and listeners added later still run', () => {
    // a server-side socket, as ws' server makes it: no address, the server's options
    const ServerMade = SyncSocket as unknown as new (a: null, b: undefined, o: object) => SyncSocket
    const ws = new ServerMade(null, undefined, { autoPong: true })
    expect((ws as unknown as { _events: unknown })._events).toBeUndefined()
    expect(ws.listenerCount('close')).toBe(0)
    expect(ws.emit('close', 1000, Buffer.from(''))).toBe(false)
    const codes: number[] = []
    ws.on('close', (code: number) => codes.push(code))
    ws.once('pong', () => codes.push(-1))
    ws.emit('close', 1001, Buffer.from(''))
    ws.emit('pong', Buffer.from(''))
    ws.emit('pong', Buffer.from(''))
    expect(codes).toEqual([1001, -1])
  })
})
