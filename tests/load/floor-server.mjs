// The floor for bench:steady: what any y-websocket server on Node and ws must do per edit, and
// nothing else. It relays each update and awareness frame to the room's other connections as it
// came (no Y.Doc, no storing, no checks) and answers a client's sync step 1 with an empty step 2.
// Not a server anyone should run: it shows how much of a server's CPU per edit is the socket
// layer (ws' frame parsing, Node streams, system calls) that no design of the server removes.
import http from 'node:http'
import { WebSocketServer } from 'ws'

const rooms = new Map()
// y-protocols: message sync (0), sync step 2 (1), an empty Yjs update (no structs, no deletions)
const emptyStep2 = Uint8Array.of(0, 1, 2, 0, 0)
const wss = new WebSocketServer({ noServer: true })
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify({ ok: true, documents: rooms.size }))
})
wss.on('connection', (ws, req) => {
  const name = req.url ?? '/'
  const room = rooms.get(name) ?? new Set()
  rooms.set(name, room)
  room.add(ws)
  ws.on('message', (data) => {
    if (data[0] === 0 && data[1] === 0) return ws.send(emptyStep2)
    if (data[0] === 0 && data[1] !== 2) return // the client's own step 2: nothing to keep
    for (const peer of room) if (peer !== ws) peer.send(data)
  })
  ws.on('close', () => {
    room.delete(ws)
    if (room.size === 0) rooms.delete(name)
  })
})
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
})
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`)
})
process.once('SIGTERM', () => process.exit(0))
