import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { CONTROL_REQUEST, readControlJson } from '@mockroom/answer-doc'
import { CloseCode, CloseError } from './close-codes'

// Message framing of the y-websocket protocol (y-protocols PROTOCOL.md): varUint type, then payload.
export const MessageType = { sync: 0, awareness: 1, queryAwareness: 3 } as const

export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array } // sync step 2 and update carry the same payload
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  | { kind: 'control'; body: unknown }

// Pure decoding: no socket, no document. Anything unexpected is a CloseError(4400).
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync: {
        const sub = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (sub === syncProtocol.messageYjsSyncStep1)
          return { kind: 'syncStep1', stateVector: payload }
        if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate) {
          return { kind: 'update', update: payload }
        }
        throw new CloseError(CloseCode.badMessage, `unknown sync message ${sub}`)
      }
      case MessageType.awareness:
        return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
      case MessageType.queryAwareness:
        return { kind: 'queryAwareness' }
      case CONTROL_REQUEST:
        return { kind: 'control', body: readControlJson(decoder) }
      default:
        throw new CloseError(CloseCode.badMessage, `unknown message type ${type}`)
    }
  } catch (err) {
    if (err instanceof CloseError) throw err
    throw new CloseError(CloseCode.badMessage, 'malformed frame')
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.sync)
  syncProtocol.writeSyncStep1(e, doc)
  return encoding.toUint8Array(e)
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.sync)
  syncProtocol.writeSyncStep2(e, doc, stateVector)
  return encoding.toUint8Array(e)
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.sync)
  syncProtocol.writeUpdate(e, update)
  return encoding.toUint8Array(e)
}

export function encodeAwareness(
  awareness: awarenessProtocol.Awareness,
  clients: number[],
): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.awareness)
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(e)
}
