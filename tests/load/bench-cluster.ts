// pnpm bench:cluster — edit-to-peer latency on PostgreSQL: writer and reader on one sync instance
// (no Redis), then on two instances in cluster mode (writer on A, reader on B: one Redis hop more).
// Needs PostgreSQL (BENCH_DATABASE_URL, a fresh database is made and dropped) and Redis (REDIS_URL).
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { signSessionToken } from '@mockroom/access/server'
import { startSync } from '@mockroom/sync'
import pg from 'pg'
import { pino } from 'pino'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

const ROOMS = Number(process.env.ROOMS ?? 10)
const EDITS = Number(process.env.EDITS ?? 200) // per room, one after the other
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const secret = 'bench-cluster-secret-0123456789abcdef'
const logger = pino({ level: 'silent' })

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl })
  await c.connect()
  await c.query(sql)
  await c.end()
}

async function client(port: number, doc: string, role: 'interviewer' | 'candidate') {
  const sessionId = doc.split('/')[0] as string
  const token = await signSessionToken(
    { roomId: 'r', sessionId, participantId: `${role}-${sessionId}`, role, name: role },
    secret,
    600,
  )
  const ydoc = new Y.Doc()
  const p = new WebsocketProvider(`ws://127.0.0.1:${port}`, doc, ydoc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  await new Promise<void>((resolve) => (p.synced ? resolve() : p.once('sync', () => resolve())))
  return { doc: ydoc, close: () => (p.destroy(), ydoc.destroy()) }
}

// One room: the writer types a character, waits until the reader has it, and so on.
async function room(writerPort: number, readerPort: number): Promise<number[]> {
  const doc = `${randomBytes(6).toString('hex')}/answer`
  const w = await client(writerPort, doc, 'interviewer')
  const r = await client(readerPort, doc, 'candidate')
  const text = w.doc.getXmlFragment('section:segments')
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText('')])
  text.insert(0, [p])
  const t = p.get(0) as Y.XmlText
  const seen = () => r.doc.getXmlFragment('section:segments').get(0) as Y.XmlElement | undefined
  const samples: number[] = []
  for (let i = 0; i < EDITS; i++) {
    const start = performance.now()
    t.insert(t.length, 'x')
    const want = t.length
    await new Promise<void>((resolve) => {
      const check = () => {
        const mine = seen()?.get(0) as Y.XmlText | undefined
        if (mine && mine.length >= want) {
          r.doc.off('update', check)
          resolve()
        }
      }
      r.doc.on('update', check)
      check()
    })
    samples.push(performance.now() - start)
  }
  w.close()
  r.close()
  return samples
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0

async function measure(label: string, ports: [number, number]) {
  const all = (await Promise.all(Array.from({ length: ROOMS }, () => room(...ports)))).flat()
  all.sort((a, b) => a - b)
  const f = (n: number) => n.toFixed(2)
  console.log(
    `${label.padEnd(34)} n=${all.length}  p50 ${f(pct(all, 0.5))} ms  p95 ${f(pct(all, 0.95))} ms  p99 ${f(pct(all, 0.99))} ms`,
  )
}

const name = `mockroom_bench_${randomBytes(5).toString('hex')}`
await admin(`create database ${name}`)
const url = new URL(adminUrl)
url.pathname = `/${name}`
const store = { dataDir: tmpdir(), databaseUrl: url.toString() }
try {
  const one = await startSync({ port: 0, host: '127.0.0.1', store, secret, logger })
  await measure('one instance (PostgreSQL)', [one.port, one.port])
  await one.close()
  const a = await startSync({ port: 0, host: '127.0.0.1', store, secret, logger, redisUrl })
  const b = await startSync({ port: 0, host: '127.0.0.1', store, secret, logger, redisUrl })
  await measure('two instances, same instance', [a.port, a.port])
  await measure('two instances, writer A, reader B', [a.port, b.port])
  await Promise.all([a.close(), b.close()])
} finally {
  await admin(`drop database if exists ${name} with (force)`)
}
