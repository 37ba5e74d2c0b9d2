// The load of bench:steady: per room two writers typing at a Poisson pace and one observer, as raw
// y-websocket clients (y-protocols sync + awareness over `ws`). Latency is edit → the other writer:
// each writer types into its own Y.Text, so the peer's text length tells which edits arrived.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import WebSocket from 'ws'
import * as Y from 'yjs'

const SYNC = 0
const AWARENESS = 1

export type Who = 'w0' | 'w1' | 'observer'

/** How a server frames the y-protocols messages; the default is y-websocket's (no envelope). */
export interface Wire {
  url(port: number, room: string, token: string): string
  /** frames sent on open before the first sync message (e.g. authentication) */
  hello(room: string, token: string): Uint8Array[]
  /** writes what precedes the message type (e.g. the document name) */
  address(e: encoding.Encoder, room: string): void
  /** reads the message type after the address; anything that carries sync messages reads as 0 */
  readType(d: decoding.Decoder): number
}

export const yWebsocketWire: Wire = {
  url: (port, room, token) => `ws://127.0.0.1:${port}/${room}/answer?token=${token}`,
  hello: () => [],
  address: () => undefined,
  readType: (d) => decoding.readVarUint(d),
}

export interface LoadOptions {
  port: number
  /** a port per client instead (e.g. a room's writers on different instances of a cluster) */
  portFor?(room: number, who: Who): number
  wire?: Wire
  rooms: number
  /** characters per second per writer */
  rate: number
  /** room names are prefix + number */
  prefix?: string
  /** signed token for a connection, or '' for a server without auth */
  token(room: string, who: Who): Promise<string>
}

interface Client {
  ws: WebSocket
  room: string
  clientId: number
  clock: number
  name: string
}

interface Writer extends Client {
  doc: Y.Doc
  /** send time of each of this writer's edits, by position in its text */
  sentAt: number[]
  /** edits of the peer seen so far */
  seen: number
  peer: Writer | null
  timer: NodeJS.Timeout | null
}

const frameOn = (wire: Wire, room: string, type: number, write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder()
  wire.address(e, room)
  encoding.writeVarUint(e, type)
  write(e)
  return encoding.toUint8Array(e)
}

// awareness update for one client (y-protocols awareness encoding), renewed like a real client's
const awarenessFrame = (wire: Wire, c: Client) =>
  frameOn(wire, c.room, AWARENESS, (e) => {
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, c.clientId)
    encoding.writeVarUint(inner, c.clock)
    encoding.writeVarString(inner, JSON.stringify({ user: { name: c.name } }))
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
  })

export class SteadyLoad {
  readonly latencies: number[] = []
  /** when (ms into the window) each edit slower than 50 ms was sent: bursts are stalls */
  readonly slowAt: number[] = []
  sent = 0
  disconnects = 0
  /** rooms whose three clients are connected and synced */
  roomsOpen = 0
  observerFrames = 0
  private windowStart = Infinity
  private windowEnd = Infinity
  private readonly writers: Writer[] = []
  private readonly clients: Client[] = []
  private renew: NodeJS.Timeout | null = null
  private stopped = false
  private readonly wire: Wire

  constructor(private readonly o: LoadOptions) {
    this.wire = o.wire ?? yWebsocketWire
  }

  private frame(room: string, type: number, write: (e: encoding.Encoder) => void) {
    return frameOn(this.wire, room, type, write)
  }

  async connect(concurrency = 16) {
    let next = 0
    const worker = async () => {
      while (next < this.o.rooms) await this.openRoom(next++)
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    // y-websocket clients renew their awareness every 15 s (the server drops it after 30 s)
    this.renew = setInterval(() => {
      for (const c of this.clients) {
        c.clock++
        if (c.ws.readyState === WebSocket.OPEN) c.ws.send(awarenessFrame(this.wire, c))
      }
    }, 15_000)
  }

  /** latencies and edits counted for edits sent from now until `stopWindow` */
  startWindow() {
    this.windowStart = performance.now()
    this.sent = 0
    this.latencies.length = 0
    this.slowAt.length = 0
    this.observerFrames = 0
  }

  stopWindow() {
    this.windowEnd = performance.now()
    for (const w of this.writers) if (w.timer) clearTimeout(w.timer)
    this.stopped = true
  }

  /** edits sent in the window that the peer has not received yet */
  missing(): number {
    let n = 0
    for (const w of this.writers) {
      const peer = w.peer
      if (!peer) continue
      for (let i = peer.seen; i < w.sentAt.length; i++) if (this.inWindow(w.sentAt[i] ?? 0)) n++
    }
    return n
  }

  close() {
    if (this.renew) clearInterval(this.renew)
    this.stopped = true
    for (const c of this.clients) c.ws.close()
  }

  private inWindow(t: number) {
    return t >= this.windowStart && t < this.windowEnd
  }

  private async openRoom(r: number) {
    const room = `${this.o.prefix ?? 'steady'}${r}`
    const [a, b] = await Promise.all([this.writer(room, 'w0', r), this.writer(room, 'w1', r)])
    a.peer = b
    b.peer = a
    await this.observer(room, r)
    this.roomsOpen++
    this.type(a)
    this.type(b)
  }

  private socket(room: string, who: Who, token: string, r: number): WebSocket {
    // many loopback source addresses, as many clients would come from: per-address limits stay fair
    const localAddress = `127.0.${1 + Math.floor(r / 250)}.${1 + (r % 250)}`
    const port = this.o.portFor?.(r, who) ?? this.o.port
    const ws = new WebSocket(this.wire.url(port, room, token), { localAddress })
    ws.binaryType = 'nodebuffer'
    ws.on('close', () => {
      if (!this.stopped) this.disconnects++
    })
    ws.on('error', () => undefined)
    return ws
  }

  private async writer(room: string, name: 'w0' | 'w1', r: number): Promise<Writer> {
    const token = await this.o.token(room, name)
    const ws = this.socket(room, name, token, r)
    const doc = new Y.Doc()
    const w: Writer = {
      ws,
      room,
      doc,
      clientId: doc.clientID,
      clock: 0,
      name,
      sentAt: [],
      seen: 0,
      peer: null,
      timer: null,
    }
    const peerText = doc.getText(name === 'w0' ? 'w1' : 'w0')
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== ws) {
        if (ws.readyState === WebSocket.OPEN)
          ws.send(this.frame(room, SYNC, (e) => syncProtocol.writeUpdate(e, update)))
        return
      }
      const now = performance.now()
      const sent = w.peer?.sentAt ?? []
      for (; w.seen < peerText.length; w.seen++) {
        const t = sent[w.seen]
        if (t === undefined || !this.inWindow(t)) continue
        this.latencies.push(now - t)
        if (now - t > 50) this.slowAt.push(t - this.windowStart)
      }
    })
    const synced = new Promise<void>((ok, fail) => {
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(data)
        if (this.wire.readType(decoder) !== SYNC) return // awareness of others: not needed here
        const reply = encoding.createEncoder()
        this.wire.address(reply, room)
        encoding.writeVarUint(reply, SYNC)
        const header = encoding.length(reply)
        const kind = syncProtocol.readSyncMessage(decoder, reply, doc, ws)
        if (encoding.length(reply) > header) ws.send(encoding.toUint8Array(reply))
        if (kind === syncProtocol.messageYjsSyncStep2) ok()
      })
      ws.once('close', (code) => fail(new Error(`${room} ${name} closed ${code}`)))
    })
    ws.once('open', () => {
      for (const hello of this.wire.hello(room, token)) ws.send(hello)
      ws.send(this.frame(room, SYNC, (e) => syncProtocol.writeSyncStep1(e, doc)))
      ws.send(awarenessFrame(this.wire, w))
    })
    this.clients.push(w)
    this.writers.push(w)
    await synced
    return w
  }

  // an observer answers the handshake and counts what it receives; it keeps no document (cheap)
  private async observer(room: string, r: number) {
    const token = await this.o.token(room, 'observer')
    const ws = this.socket(room, 'observer', token, r)
    const clientId = (Math.random() * 2 ** 31) >>> 0
    const c: Client = { ws, room, clientId, clock: 0, name: 'observer' }
    const empty = new Y.Doc()
    await new Promise<void>((ok, fail) => {
      ws.on('message', (data: Buffer) => {
        this.observerFrames++
        const decoder = decoding.createDecoder(data)
        if (this.wire.readType(decoder) !== SYNC) return
        const kind = decoding.readVarUint(decoder)
        if (kind === syncProtocol.messageYjsSyncStep1)
          ws.send(this.frame(room, SYNC, (e) => syncProtocol.writeSyncStep2(e, empty)))
        if (kind === syncProtocol.messageYjsSyncStep2) ok()
      })
      ws.once('close', (code) => fail(new Error(`${room} observer closed ${code}`)))
      ws.once('open', () => {
        for (const hello of this.wire.hello(room, token)) ws.send(hello)
        ws.send(this.frame(room, SYNC, (e) => syncProtocol.writeSyncStep1(e, empty)))
        ws.send(awarenessFrame(this.wire, c))
      })
    })
    this.clients.push(c)
  }

  // Poisson arrivals: exponential gaps with mean 1/rate
  private type(w: Writer) {
    const text = w.doc.getText(w.name)
    const tick = () => {
      if (this.stopped) return
      if (w.ws.readyState === WebSocket.OPEN) {
        w.sentAt.push(performance.now())
        if (this.inWindow(performance.now())) this.sent++
        text.insert(text.length, 'x')
      }
      w.timer = setTimeout(tick, (-Math.log(1 - Math.random()) * 1000) / this.o.rate)
    }
    w.timer = setTimeout(tick, Math.random() * (1000 / this.o.rate))
  }
}
