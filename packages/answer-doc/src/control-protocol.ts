import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { ControlAction } from './session-actions'

// Two message types beside y-websocket's sync (0), awareness (1) and query-awareness (3):
// an interviewer's control request and the server's answer to it.
export const CONTROL_REQUEST = 100
export const CONTROL_RESULT = 101

export interface ControlRequest {
  id: number
  action: ControlAction
}

export type ControlResult = { id: number; ok: true } | { id: number; ok: false; error: string }

export function encodeControlRequest(request: ControlRequest): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, CONTROL_REQUEST)
  encoding.writeVarString(e, JSON.stringify(request))
  return encoding.toUint8Array(e)
}

export function encodeControlResult(result: ControlResult): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, CONTROL_RESULT)
  encoding.writeVarString(e, JSON.stringify(result))
  return encoding.toUint8Array(e)
}

/** Reads the JSON body after the message type (the caller has read the type). Throws on bad JSON. */
export function readControlJson(decoder: decoding.Decoder): unknown {
  return JSON.parse(decoding.readVarString(decoder)) as unknown
}
