// The in-memory reference for bench:steady: @y/websocket-server 0.1.1 as its own bin runs it, plus
// /healthz (documents in memory) and a no-op persistence so a room is freed when its last
// connection leaves (the bin keeps every document forever, which would hide memory per room).
import http from 'node:http'
import { docs, setPersistence, setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'

setPersistence({ provider: null, bindState: () => {}, writeState: () => Promise.resolve() })
const wss = new WebSocketServer({ noServer: true })
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify({ ok: true, documents: docs.size }))
})
wss.on('connection', setupWSConnection)
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
})
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`)
})
// a clean exit writes --cpu-prof profiles
process.once('SIGTERM', () => process.exit(0))
