// Hocuspocus's framing of the y-protocols messages, for SteadyLoad (read from @hocuspocus/server
// 4.7 ClientConnection/MessageReceiver and @hocuspocus/provider): every message starts with the
// document name (varString); the first one on a document is an auth message (type 2, token
// sub-type 0, the token); the server answers a sync step 1 with a SyncReply (type 4).
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Wire } from './steady-load'

const AUTH = 2
const AUTH_TOKEN = 0
const SYNC_REPLY = 4

export const hocuspocusWire: Wire = {
  url: (port) => `ws://127.0.0.1:${port}`,
  hello: (room, token) => {
    const e = encoding.createEncoder()
    encoding.writeVarString(e, room)
    encoding.writeVarUint(e, AUTH)
    encoding.writeVarUint(e, AUTH_TOKEN)
    encoding.writeVarString(e, token)
    return [encoding.toUint8Array(e)]
  },
  address: (e, room) => encoding.writeVarString(e, room),
  readType: (d) => {
    decoding.readVarString(d)
    const type = decoding.readVarUint(d)
    return type === SYNC_REPLY ? 0 : type
  },
}
