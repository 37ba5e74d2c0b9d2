import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { frameBinary, SocketGroup } from './socket-group'

// ws exports its Sender, though its type package does not declare it
const { Sender } = createRequire(import.meta.url)('ws') as {
  Sender: { frame(data: Buffer, options: object): Buffer[] }
}

// ws' own framing of a server's binary message, as the reference for ours
const wsFrame = (data: Buffer) =>
  Buffer.concat(
    Sender.frame(data, { fin: true, opcode: 2, mask: false, readOnly: false, rsv1: false }),
  )

describe('frameBinary', () => {
  it("matches ws' framing for each payload length encoding", () => {
    for (const n of [0, 1, 125, 126, 1000, 65535, 65536, 200_000]) {
      const data = Buffer.alloc(n, n % 251)
      expect(frameBinary(new Uint8Array(data)).equals(wsFrame(data)), `length ${n}`).toBe(true)
    }
  })
})

describe('SocketGroup.frame', () => {
  it('frames a message once for all its recipients, a new message anew', () => {
    const group = new SocketGroup(console)
    const a = new Uint8Array([0, 2, 1, 7])
    const first = group.frame(a)
    expect(group.frame(a)).toBe(first)
    const b = new Uint8Array([0, 2, 1, 7])
    expect(group.frame(b)).not.toBe(first)
    expect(group.frame(b).equals(first)).toBe(true)
  })
})
