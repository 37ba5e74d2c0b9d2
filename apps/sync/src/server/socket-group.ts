import type { Logger } from '../observability/logger'

/** Bytes that may wait to be sent to one socket before it is closed as a slow reader (4503). */
export const MAX_BUFFERED_BYTES = 2 * 1024 * 1024

// RFC 6455 §5.2: FIN + binary opcode; the server never masks (§5.1)
const FIN_BINARY = 0x82

/** A server's unmasked binary frame of `data`, header and payload in one buffer. */
export function frameBinary(data: Uint8Array): Buffer {
  const n = data.length
  const header = n < 126 ? 2 : n < 65536 ? 4 : 10
  const frame = Buffer.allocUnsafe(header + n)
  frame[0] = FIN_BINARY
  if (header === 2) frame[1] = n
  else if (header === 4) {
    frame[1] = 126
    frame.writeUInt16BE(n, 2)
  } else {
    frame[1] = 127
    frame.writeUInt32BE(0, 2)
    frame.writeUInt32BE(n, 6)
  }
  frame.set(data, header)
  return frame
}

/**
 * What a server's sockets share: the set of open ones (ping sweep, shutdown) and the frame of the
 * last message sent. A document sends one message to each of its members in turn, so it is framed
 * once per broadcast rather than once per member (ws frames every send; issue #12 profile).
 */
export class SocketGroup {
  readonly open = new Set<{ terminate(): void; ping(): void; heardAt: number }>()
  private lastData: Uint8Array | null = null
  private lastFrame: Buffer = Buffer.alloc(0)

  constructor(
    readonly logger: Logger,
    /** a socket with more than this waiting to be sent is closed (slow reader, 4503) */
    readonly maxBuffered = MAX_BUFFERED_BYTES,
  ) {}

  /** The frame of `data`; the same buffer again while `data` is the same message. */
  frame(data: Uint8Array): Buffer {
    if (data !== this.lastData) {
      this.lastFrame = frameBinary(data)
      this.lastData = data
    }
    return this.lastFrame
  }
}
