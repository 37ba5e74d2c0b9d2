// pnpm bench:sync — server CPU per edit, ours (durable: SQLite write before broadcast) against the
// in-memory reference y-websocket server (@y/websocket-server 0.1.1), same clients, same load.
// Each server runs in its own process; its CPU time is read from /proc (Linux).
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { signSessionToken } from '@mockroom/access/server'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

const ROOMS = Number(process.env.ROOMS ?? 20)
const EDITS = Number(process.env.EDITS ?? 300) // per writer; two writers per room
const secret = 'bench-sync-secret-0123456789abcdef'
const TICKS = 100 // USER_HZ on Linux

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS
}

function launch(
  cmd: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    child.stdout?.on('data', (d: Buffer) => {
      const m = ready.exec(d.toString())
      if (m) resolve({ child, port: Number(m[1] ?? env.PORT) })
    })
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)))
  })
}

async function run(
  label: string,
  port: number,
  pid: number,
  token: (room: string) => Promise<string>,
) {
  const clients: Array<{ doc: Y.Doc; p: WebsocketProvider }> = []
  for (let r = 0; r < ROOMS; r++) {
    for (let w = 0; w < 2; w++) {
      const doc = new Y.Doc()
      const p = new WebsocketProvider(`ws://127.0.0.1:${port}`, `bench${r}/answer`, doc, {
        params: { token: await token(`bench${r}`) },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      })
      await new Promise<void>((ok) => p.once('sync', () => ok()))
      clients.push({ doc, p })
    }
  }
  const before = cpuMs(pid)
  const started = performance.now()
  // every writer types EDITS characters, one update each, interleaved across rooms
  for (let i = 0; i < EDITS; i++) {
    for (const c of clients) c.doc.getText('t').insert(c.doc.getText('t').length, 'x')
    if (i % 20 === 0) await new Promise((ok) => setImmediate(ok))
  }
  const total = EDITS * 2
  await Promise.all(
    clients.map(
      (c) =>
        new Promise<void>((ok) => {
          const done = () => c.doc.getText('t').length >= total && (c.doc.off('update', done), ok())
          c.doc.on('update', done)
          done()
        }),
    ),
  )
  const ms = performance.now() - started
  const cpu = cpuMs(pid) - before
  const edits = clients.length * EDITS
  console.log(
    `${label}: ${edits} edits in ${ms.toFixed(0)} ms; server CPU ${cpu.toFixed(0)} ms = ${((cpu * 1000) / edits).toFixed(1)} µs per edit`,
  )
  for (const c of clients) c.p.destroy()
}

// the package exports no path to its server script; its bin is linked into node_modules/.bin
const reference = await launch(
  join(import.meta.dirname, 'node_modules/.bin/y-websocket'),
  [],
  { HOST: '127.0.0.1', PORT: '3911' },
  /running at '127.0.0.1' on port (\d+)/,
)
await run('reference (in memory)', reference.port, reference.child.pid ?? 0, () =>
  Promise.resolve(''),
)
reference.child.kill()

const ours = await launch(
  process.execPath,
  ['--import', 'tsx', 'sync-server-child.ts'],
  { SESSION_SECRET: secret },
  /listening (\d+)/,
)
await run('mockroom (durable)', ours.port, ours.child.pid ?? 0, (room) =>
  signSessionToken(
    { roomId: room, sessionId: room, participantId: 'w', role: 'candidate', name: 'w' },
    secret,
    600,
  ),
)
ours.child.kill()
process.exit(0)
