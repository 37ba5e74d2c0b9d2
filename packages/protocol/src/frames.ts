import { CloseCode, CloseError } from './close-codes'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type * as Y from 'yjs'
import { controlResultSchema, type ControlRequest, type ControlResult } from './control-action'
import { MessageType } from './message-type'

export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  // sync step 2 and update carry the same payload; `relay` is the frame itself when it is an
  // update message (what peers are sent), so a server can forward it without encoding again
  | { kind: 'update'; update: Uint8Array; relay: Uint8Array | null }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  | { kind: 'control'; body: unknown }

/** Reads the JSON body after the message type (the caller has read the type). Throws on bad JSON. */
export function readControlJson(decoder: decoding.Decoder): unknown {
  return JSON.parse(decoding.readVarString(decoder)) as unknown
}

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
        if (sub === syncProtocol.messageYjsUpdate)
          // only when nothing follows the payload: the frame is then exactly the message to relay
          return {
            kind: 'update',
            update: payload,
            relay: decoder.pos === data.length ? data : null,
          }
        if (sub === syncProtocol.messageYjsSyncStep2)
          return { kind: 'update', update: payload, relay: null }
        throw new CloseError(CloseCode.badMessage, `unknown sync message ${sub}`)
      }
      case MessageType.awareness:
        return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
      case MessageType.queryAwareness:
        return { kind: 'queryAwareness' }
      case MessageType.controlRequest:
        return { kind: 'control', body: readControlJson(decoder) }
      default:
        throw new CloseError(CloseCode.badMessage, `unknown message type ${type}`)
    }
  } catch (err) {
    if (err instanceof CloseError) throw err
    throw new CloseError(CloseCode.badMessage, 'malformed frame')
  }
}

/** The body of a control result (type 101, already read), or null when it is not one. */
export function decodeControlResult(decoder: decoding.Decoder): ControlResult | null {
  try {
    const parsed = controlResultSchema.safeParse(readControlJson(decoder))
    return parsed.success ? parsed.data : null
  } catch {
    return null
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

function encodeJson(type: number, body: unknown): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  encoding.writeVarString(e, JSON.stringify(body))
  return encoding.toUint8Array(e)
}

export function encodeControlRequest(request: ControlRequest): Uint8Array {
  return encodeJson(MessageType.controlRequest, request)
}

export function encodeControlResult(result: ControlResult): Uint8Array {
  return encodeJson(MessageType.controlResult, result)
}
