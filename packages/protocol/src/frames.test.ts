import { CloseCode, CloseError } from './close-codes'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { Awareness } from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { controlRequestSchema, type ControlRequest } from './control-action'
import {
  decodeClientMessage,
  decodeControlResult,
  encodeAwareness,
  encodeControlRequest,
  encodeControlResult,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './frames'
import { MessageType } from './message-type'

function typedDoc(text: string): Y.Doc {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return doc
}

const closeCodeOf = (f: () => unknown) => {
  try {
    f()
  } catch (err) {
    return err instanceof CloseError ? err.code : 'other'
  }
  return 'none'
}

describe('frames', () => {
  it('round-trips sync step 1 and step 2', () => {
    const doc = typedDoc('hello')
    const step1 = decodeClientMessage(encodeSyncStep1(new Y.Doc()))
    expect(step1.kind).toBe('syncStep1')
    if (step1.kind !== 'syncStep1') return
    const step2 = decodeClientMessage(encodeSyncStep2(doc, step1.stateVector))
    expect(step2.kind).toBe('update')
    if (step2.kind !== 'update') return
    const copy = new Y.Doc()
    Y.applyUpdate(copy, step2.update)
    expect(copy.getText('t').toJSON()).toBe('hello')
  })

  it('round-trips an update', () => {
    const update = Y.encodeStateAsUpdate(typedDoc('abc'))
    const frame = encodeUpdate(update)
    // an update message is relayed as it came: the frame itself
    expect(decodeClientMessage(frame)).toEqual({ kind: 'update', update, relay: frame })
  })

  it('relays no frame with bytes after the update, nor a sync step 2', () => {
    const update = Y.encodeStateAsUpdate(typedDoc('abc'))
    const trailing = new Uint8Array([...encodeUpdate(update), 7])
    expect(decodeClientMessage(trailing)).toMatchObject({ kind: 'update', relay: null })
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 0)
    syncProtocol.writeSyncStep2(e, typedDoc('abc'))
    expect(decodeClientMessage(encoding.toUint8Array(e))).toMatchObject({
      kind: 'update',
      relay: null,
    })
  })

  it('round-trips awareness', () => {
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalState({ user: { name: 'Ann' } })
    const message = decodeClientMessage(encodeAwareness(awareness, [awareness.clientID]))
    expect(message.kind).toBe('awareness')
    awareness.destroy()
  })

  it('round-trips a control request through its schema', () => {
    const request: ControlRequest = { id: 7, action: { type: 'reveal', questionId: 'q-1' } }
    const message = decodeClientMessage(encodeControlRequest(request))
    expect(message).toEqual({ kind: 'control', body: request })
    if (message.kind !== 'control') return
    expect(controlRequestSchema.parse(message.body)).toEqual(request)
  })

  it('round-trips control results and refuses garbled ones', () => {
    for (const result of [
      { id: 1, ok: true as const },
      { id: 2, ok: false as const, error: 'nope' },
    ]) {
      const decoder = decoding.createDecoder(encodeControlResult(result))
      expect(decoding.readVarUint(decoder)).toBe(MessageType.controlResult)
      expect(decodeControlResult(decoder)).toEqual(result)
    }
    const e = encoding.createEncoder()
    encoding.writeVarString(e, '{"id":1,"ok":false}')
    expect(decodeControlResult(decoding.createDecoder(encoding.toUint8Array(e)))).toBeNull()
    const bad = encoding.createEncoder()
    encoding.writeVarString(bad, 'not json')
    expect(decodeControlResult(decoding.createDecoder(encoding.toUint8Array(bad)))).toBeNull()
  })

  it('closes with 4400 on unknown types and malformed frames', () => {
    const unknownType = encoding.createEncoder()
    encoding.writeVarUint(unknownType, 42)
    expect(closeCodeOf(() => decodeClientMessage(encoding.toUint8Array(unknownType)))).toBe(
      CloseCode.badMessage,
    )
    const unknownSync = encoding.createEncoder()
    encoding.writeVarUint(unknownSync, MessageType.sync)
    encoding.writeVarUint(unknownSync, 9)
    encoding.writeVarUint8Array(unknownSync, new Uint8Array())
    expect(closeCodeOf(() => decodeClientMessage(encoding.toUint8Array(unknownSync)))).toBe(
      CloseCode.badMessage,
    )
    expect(closeCodeOf(() => decodeClientMessage(new Uint8Array([MessageType.sync])))).toBe(
      CloseCode.badMessage,
    )
    const badJson = encoding.createEncoder()
    encoding.writeVarUint(badJson, MessageType.controlRequest)
    encoding.writeVarString(badJson, '{')
    expect(closeCodeOf(() => decodeClientMessage(encoding.toUint8Array(badJson)))).toBe(
      CloseCode.badMessage,
    )
  })

  it('uses the y-protocols sync sub-types', () => {
    expect(syncProtocol.messageYjsSyncStep1).toBe(0)
    expect(syncProtocol.messageYjsUpdate).toBe(2)
  })
})
