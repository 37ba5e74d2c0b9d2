import { describe, expect, it } from 'vitest'
import { decodeBusFrame, encodeBusFrame, type BusMessage } from './bus-frame'

describe('bus frames', () => {
  it('round-trips every kind with sender and send time', () => {
    const messages: BusMessage[] = [
      { kind: 'updates', updates: [new Uint8Array([1, 2]), new Uint8Array([3])] },
      { kind: 'awareness', participantId: 'p1', update: new Uint8Array([9]) },
      { kind: 'awareness-query' },
      { kind: 'event', json: '{"type":"remove","participantId":"p2"}' },
    ]
    for (const message of messages) {
      expect(decodeBusFrame(encodeBusFrame('inst-a', message, 42))).toEqual({
        from: 'inst-a',
        sentAt: 42,
        message,
      })
    }
  })

  it('ignores frames it cannot read', () => {
    expect(decodeBusFrame(new Uint8Array([]))).toBeNull()
    expect(decodeBusFrame(new Uint8Array([77, 0]))).toBeNull()
    expect(
      decodeBusFrame(encodeBusFrame('a', { kind: 'updates', updates: [] }).subarray(0, 3)),
    ).toBeNull()
  })
})
