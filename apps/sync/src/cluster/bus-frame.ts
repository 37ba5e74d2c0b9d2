import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * What sync instances tell each other over Redis (cluster mode). One binary frame per message:
 * kind, sending instance, send time (Redis lag metric), then the kind's payload.
 */
export type BusMessage =
  /** Yjs updates already committed to the store by the sender */
  | { kind: 'updates'; updates: Uint8Array[] }
  /** an awareness update (y-protocols encoding), stamped; `participantId` owns its client ids */
  | { kind: 'awareness'; participantId: string; update: Uint8Array }
  /** a newcomer asks the others to publish the awareness of their own members */
  | { kind: 'awareness-query' }
  /** a session-wide event every instance applies (see cluster-link.ts) */
  | { kind: 'event'; json: string }

export interface BusFrame {
  from: string
  sentAt: number
  message: BusMessage
}

const kinds = ['updates', 'awareness', 'awareness-query', 'event'] as const

export function encodeBusFrame(from: string, message: BusMessage, sentAt = Date.now()): Buffer {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, kinds.indexOf(message.kind))
  encoding.writeVarString(e, from)
  encoding.writeFloat64(e, sentAt)
  switch (message.kind) {
    case 'updates':
      encoding.writeVarUint(e, message.updates.length)
      for (const u of message.updates) encoding.writeVarUint8Array(e, u)
      break
    case 'awareness':
      encoding.writeVarString(e, message.participantId)
      encoding.writeVarUint8Array(e, message.update)
      break
    case 'awareness-query':
      break
    case 'event':
      encoding.writeVarString(e, message.json)
      break
  }
  return Buffer.from(encoding.toUint8Array(e))
}

/** null for a frame this version does not understand (a newer instance during a rolling deploy) */
export function decodeBusFrame(data: Uint8Array): BusFrame | null {
  try {
    const d = decoding.createDecoder(data)
    const kind = kinds[decoding.readVarUint(d)]
    const from = decoding.readVarString(d)
    const sentAt = decoding.readFloat64(d)
    switch (kind) {
      case 'updates': {
        const updates: Uint8Array[] = []
        for (let n = decoding.readVarUint(d); n > 0; n--)
          updates.push(decoding.readVarUint8Array(d))
        return { from, sentAt, message: { kind, updates } }
      }
      case 'awareness': {
        const participantId = decoding.readVarString(d)
        const update = decoding.readVarUint8Array(d)
        return { from, sentAt, message: { kind, participantId, update } }
      }
      case 'awareness-query':
        return { from, sentAt, message: { kind } }
      case 'event':
        return { from, sentAt, message: { kind, json: decoding.readVarString(d) } }
      default:
        return null
    }
  } catch {
    return null
  }
}
