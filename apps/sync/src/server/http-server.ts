import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { handleChunk, handleTrackEnd } from './chunk-request'
import { clientAddress } from './connection-address'
import { mayReadDetails } from './health-access'
import { SocketGroup } from './socket-group'
import { socketClock, SyncSocket } from './sync-socket'
import type { SyncServer } from './sync-server'
import type { Logger } from '../observability/logger'

export const MAX_FRAME_BYTES = 1024 * 1024

// audio chunk uploads: /sessions/<id>/tracks/<trackId>/chunks/<seq> and …/<trackId>/end
const TRACK_PATH =
  /^\/sessions\/([A-Za-z0-9_-]{1,64})\/tracks\/([^/?]{1,100})\/(?:chunks\/([^/?]{1,20})|(end))(?:\?.*)?$/

// Presence must turn to "gone" within 5 s of a connection dropping (issue 9): a socket silent for
// IDLE_PING_MS gets a ping, and one silent for DEAD_AFTER_MS is dropped, which removes its
// awareness states for everyone. Any frame counts as a sign of life, so typing clients are never
// pinged (no cost per edit).
const SWEEP_MS = 1_000
const IDLE_PING_MS = 1_500
const DEAD_AFTER_MS = 3_500

export interface ListeningServer {
  port: number
  /** bytes waiting to be sent on all open sockets (bounded per socket: socket-group.ts) */
  bufferedBytes(): number
  close(): Promise<void>
}

function bufferedBytes(group: SocketGroup): number {
  let n = 0
  // the TCP socket's own queue: ws' bufferedAmount also counts what it dropped after a close
  for (const ws of group.open) n += (ws as SyncSocket).queuedBytes
  return n
}

function withAddress(req: IncomingMessage, trustProxy: boolean) {
  const address = clientAddress(req, trustProxy)
  return address ? { address } : {}
}

function parseRequest(req: IncomingMessage, trustProxy: boolean) {
  const url = new URL(req.url ?? '/', 'http://localhost')
  // the y-websocket client puts the document name in the path and params in the query string
  let documentName: string
  try {
    // a copy: a slice of the URL would keep the whole URL, token included, alive with the socket
    documentName = Buffer.from(decodeURIComponent(url.pathname.slice(1))).toString()
  } catch {
    documentName = '' // malformed percent-encoding: an unknown document (4404)
  }
  return {
    documentName,
    token: url.searchParams.get('token'),
    ...withAddress(req, trustProxy),
  }
}

/** Thin glue: an HTTP server with /healthz, /metrics and a WebSocket endpoint feeding the core. */
export function listen(
  core: SyncServer,
  logger: Logger,
  port: number,
  host?: string,
  metrics?: { contentType: string; text(): Promise<string> },
  /** behind a balancer: per-address limits use X-Forwarded-For (connection-address.ts) */
  trustProxy = false,
  /** lets a caller from elsewhere read /healthz's details (health-access.ts) */
  healthzToken?: string,
): Promise<ListeningServer> {
  const http = createServer((req, res) => {
    const send = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (req.url === '/healthz') {
      // ready only when the store (and Redis, in cluster mode) answer: balancers route by it
      void core.ready().then((checks) => {
        const ok = Object.values(checks).every(Boolean)
        const details = mayReadDetails(req, healthzToken)
          ? { ...checks, ...core.stats(), buffered: bufferedBytes(group) }
          : {}
        send(ok ? 200 : 503, { ok, ...details })
      })
      return
    }
    if (req.url === '/metrics' && metrics) {
      void metrics.text().then((text) => {
        res.writeHead(200, { 'content-type': metrics.contentType })
        res.end(text)
      })
      return
    }
    const track = TRACK_PATH.exec(req.url ?? '')
    if (track) {
      // browsers upload from the web app's origin; the bearer token, not a cookie, is the proof
      res.setHeader('access-control-allow-origin', '*')
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'PUT, POST',
          'access-control-allow-headers': 'authorization, content-type, x-started-at',
          'access-control-max-age': '600',
        })
        res.end()
        return
      }
      const [, sessionId = '', trackId = '', seq, end] = track
      if (seq !== undefined && req.method === 'PUT') {
        const path = { sessionId, trackId, seq, ...withAddress(req, trustProxy) }
        void handleChunk(core, req, res, path, logger)
        return
      }
      if (end !== undefined && req.method === 'POST') {
        void handleTrackEnd(core, req, res, { sessionId, trackId }, logger)
        return
      }
      req.resume()
      send(405, { error: 'PUT a chunk or POST end' })
      return
    }
    send(404, { error: 'not found' })
  })
  // ws' own client tracking adds a 'close' listener (a closure and its context) per socket:
  // the sockets keep themselves in `group.open` instead (heap per room, issue #12)
  const group = new SocketGroup(logger)
  const wss = new WebSocketServer({
    server: http,
    maxPayload: MAX_FRAME_BYTES,
    WebSocket: SyncSocket,
    clientTracking: false,
  })

  wss.on('connection', (ws: SyncSocket, req) => {
    const request = parseRequest(req, trustProxy)
    ws.attach(core.connect(ws, request), request.documentName, group)
  })

  // drop connections that stopped answering (half-open TCP, a laptop lid closed)
  const pinger = setInterval(() => {
    const now = socketClock()
    for (const ws of group.open) {
      const silent = (now - ws.heardAt) | 0 // int32 times: the difference survives a wrap
      if (silent >= DEAD_AFTER_MS) ws.terminate()
      else if (silent >= IDLE_PING_MS) ws.ping()
    }
  }, SWEEP_MS)

  return new Promise((resolve, reject) => {
    http.once('error', reject)
    http.listen(port, host, () => {
      const actual = (http.address() as AddressInfo).port
      resolve({
        port: actual,
        bufferedBytes: () => bufferedBytes(group),
        close: async () => {
          clearInterval(pinger)
          // stores and unloads every document first, then closes sockets with 1001 (going away)
          await core.close()
          for (const ws of group.open) ws.terminate()
          await new Promise<void>((done) => wss.close(() => done()))
          await new Promise<void>((done) => http.close(() => done()))
        },
      })
    })
  })
}
