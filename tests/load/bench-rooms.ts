// pnpm bench:rooms — memory per active room on the sync server: a real server in this process,
// ROOMS documents each with two real y-websocket clients and a short answer, heap measured after GC.
// Run with --expose-gc (the script does it) so the numbers are not noise.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { appendParagraph } from '@mockroom/session-model'
import { signSessionToken } from '@mockroom/access/server'
import { startSync } from '@mockroom/sync'
import { pino } from 'pino'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

const ROOMS = Number(process.env.ROOMS ?? 200)
const secret = 'bench-secret-bench-secret-123456'
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc')
const heap = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

const dir = mkdtempSync(join(tmpdir(), 'mockroom-rooms-'))
const server = await startSync({
  port: 0,
  host: '127.0.0.1',
  store: { dataDir: dir },
  secret,
  logger: pino({ level: 'silent' }),
})

// clients live in this process too; measure their share separately and subtract it
async function connect(session: string, role: 'interviewer' | 'candidate') {
  const token = await signSessionToken(
    { roomId: session, sessionId: session, participantId: `${role}-${session}`, role, name: role },
    secret,
    600,
  )
  const doc = new Y.Doc()
  const p = new WebsocketProvider(`ws://127.0.0.1:${server.port}`, `${session}/answer`, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  await new Promise<void>((r) => p.once('sync', () => r()))
  return { doc, p }
}

const base = heap()
const clients: Array<{ doc: Y.Doc; p: WebsocketProvider }> = []
for (let i = 0; i < ROOMS; i++) {
  const a = await connect(`room${i}`, 'interviewer')
  const b = await connect(`room${i}`, 'candidate')
  for (let j = 0; j < 5; j++)
    appendParagraph(a.doc, 'clarify', `A short answer line number ${j} for room ${i}.`)
  clients.push(a, b)
}
// wait until the last room's edits reached its peer (stored and broadcast)
await new Promise<void>((r) => {
  const last = clients.at(-1) as { doc: Y.Doc }
  const check = () => last.doc.getXmlFragment('section:clarify').length === 5 && r()
  check()
  last.doc.on('update', check)
})
const withRooms = heap()

// a client-only baseline: the same number of docs and providers without server-side rooms
for (const c of clients) c.p.disconnect()
await new Promise((r) => setTimeout(r, 500))
const afterClose = heap()
console.log(`rooms: ${ROOMS} (2 clients each, 5 paragraphs)`)
console.log(
  `heap with rooms open: +${((withRooms - base) / 1024 / ROOMS).toFixed(1)} KB per room (server + its 2 in-process clients)`,
)
console.log(
  `heap after all clients disconnected: +${((afterClose - base) / 1024 / ROOMS).toFixed(1)} KB per room (clients' docs only; server rooms unloaded)`,
)
console.log(
  `server share per active room ≈ ${((withRooms - afterClose) / 1024 / ROOMS).toFixed(1)} KB`,
)
for (const c of clients) c.p.destroy()
await server.close()
rmSync(dir, { recursive: true, force: true })
process.exit(0) // client providers keep timers alive after destroy; the measurement is done
