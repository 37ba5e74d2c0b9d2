// Hand-crafted frames and Yjs updates for the hardening and fuzz tests (a hostile client's kit).
import { MessageType } from '@mockroom/protocol'
import { sectionFragment } from '@mockroom/session-model'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { encodeAwarenessEntries } from '../src/guards/awareness-guard'

/** A v1 update with no structs and one deletion range of `client`'s clocks. */
export function deletionUpdate(client: number, clock: number, len: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0) // no structs
  encoding.writeVarUint(e, 1) // one client in the delete set
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, 1) // one range
  encoding.writeVarUint(e, clock)
  encoding.writeVarUint(e, len)
  return encoding.toUint8Array(e)
}

/** `count` updates of `size` characters each that all depend on a first one never sent. */
export function pendingUpdates(count: number, size: number, clientId = 424242): Uint8Array[] {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const text = doc.getText('filler')
  const out: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => out.push(u))
  for (let i = 0; i <= count; i++) text.insert(text.length, 'x'.repeat(size))
  doc.destroy()
  return out.slice(1)
}

/** A section holding `depth` nested blockquotes around one paragraph, built level by level. */
export function nestedDoc(depth: number, sectionKey = 'clarify'): Y.Doc {
  const doc = new Y.Doc()
  let parent: Y.XmlFragment | Y.XmlElement = sectionFragment(doc, sectionKey)
  for (let i = 0; i < depth; i++) {
    const child: Y.XmlElement = new Y.XmlElement('blockquote')
    parent.insert(0, [child])
    parent = child
  }
  const p = new Y.XmlElement('paragraph')
  parent.insert(0, [p])
  p.insert(0, [new Y.XmlText('deep')])
  return doc
}

/** A whole awareness frame (type 1) setting `state` for `clientId` at `clock`. */
export function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.awareness)
  encoding.writeVarUint8Array(
    e,
    encodeAwarenessEntries([{ clientId, clock, json: JSON.stringify(state) }]),
  )
  return encoding.toUint8Array(e)
}

/** One string item (or a GC run when `gcLength` is set) of `client` at `clock` in root map `key`. */
export function structAt(
  client: number,
  clock: number,
  opts: { text?: string; gcLength?: number; key?: string } = {},
): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1) // one client
  encoding.writeVarUint(e, 1) // one struct
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, clock)
  if (opts.gcLength !== undefined) {
    encoding.writeUint8(e, 0) // GC
    encoding.writeVarUint(e, opts.gcLength)
  } else {
    encoding.writeUint8(e, 4) // ContentString, no origins: the parent follows
    encoding.writeVarUint(e, 1) // parent is a root type, by name
    encoding.writeVarString(e, opts.key ?? 'filler')
    encoding.writeVarString(e, opts.text ?? 'x')
  }
  encoding.writeVarUint(e, 0) // empty delete set
  return encoding.toUint8Array(e)
}
