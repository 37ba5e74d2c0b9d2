// Test helpers for the sync integration tests: real server, real clients, event-driven waits.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Role } from '@mockroom/access'
import { signSessionToken } from '@mockroom/access/server'
import { pino } from 'pino'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { ListeningServer } from '../src/server/http-server'
import { startSync, type StartOptions } from '../src/server/start-sync'

export const secret = 'integration-test-secret-0123456789'
export const logger = pino({ level: 'silent' })

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'mockroom-sync-'))
}

export function start(
  dataDir: string,
  extra: Partial<Pick<StartOptions, 'limits' | 'rates' | 'logger' | 'trustProxy' | 'uploads'>> = {},
): Promise<ListeningServer> {
  return startSync({ port: 0, host: '127.0.0.1', store: { dataDir }, secret, logger, ...extra })
}

export function token(
  role: Role,
  sessionId = 'ses1',
  opts: { ttl?: number; now?: number; id?: string } = {},
) {
  return signSessionToken(
    { roomId: 'room1', sessionId, participantId: opts.id ?? `${role}-1`, role, name: role },
    secret,
    opts.ttl ?? 600,
    opts.now,
  )
}

export function until(
  check: () => boolean,
  emitter: { on(e: string, f: () => void): void; off(e: string, f: () => void): void },
  event = 'update',
): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve()
    const f = () => {
      if (check()) {
        emitter.off(event, f)
        resolve()
      }
    }
    emitter.on(event, f)
  })
}

export async function provider(port: number, docName: string, tok: string, doc = new Y.Doc()) {
  const p = new WebsocketProvider(`ws://127.0.0.1:${port}`, docName, doc, {
    params: { token: tok },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  await new Promise<void>((resolve) => {
    if (p.synced) return resolve()
    p.once('sync', () => resolve())
  })
  return { doc, p, close: () => (p.destroy(), doc.destroy()) }
}

export interface RawClient {
  ws: WebSocket
  frames: Uint8Array[]
  closed: Promise<{ code: number; reason: string }>
  /** the next frame to arrive that matches */
  next(predicate: (f: Uint8Array) => boolean): Promise<Uint8Array>
  /** a matching frame, already received or still to come (a frame sent to this socket before
   * the reply on another one may be handled first) */
  received(predicate: (f: Uint8Array) => boolean): Promise<Uint8Array>
}

/** A hand-written client: sends arbitrary frames and records every frame and the close code. */
export function rawClient(port: number, docName: string, tok: string | null): Promise<RawClient> {
  const q = tok === null ? '' : `?token=${encodeURIComponent(tok)}`
  const ws = new WebSocket(`ws://127.0.0.1:${port}/${docName}${q}`)
  const frames: Uint8Array[] = []
  const waiters: Array<{
    predicate: (f: Uint8Array) => boolean
    resolve: (f: Uint8Array) => void
  }> = []
  ws.on('message', (data: Buffer) => {
    const f = new Uint8Array(data)
    frames.push(f)
    for (const w of [...waiters]) {
      if (w.predicate(f)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(f)
      }
    }
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  const next = (predicate: (f: Uint8Array) => boolean) =>
    new Promise<Uint8Array>((res) => waiters.push({ predicate, resolve: res }))
  return new Promise((resolve, reject) => {
    ws.once('open', () =>
      resolve({
        ws,
        frames,
        closed,
        next,
        received: (predicate) => {
          const seen = frames.find(predicate)
          return seen ? Promise.resolve(seen) : next(predicate)
        },
      }),
    )
    ws.once('error', reject)
  })
}
