import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

// Real y-websocket clients in node, with tokens minted by the web API through the balancer.

export interface OpenedRoom {
  links: Record<'interviewer' | 'candidate' | 'observer', string>
}

export interface Joined {
  token: string
  syncUrl: string
  sessionId: string
}

async function post<T>(url: string, body: unknown, status = 200): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (res.status !== status) throw new Error(`${url}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** POST /api/rooms on the first question of the bank. */
export async function openRoom(origin: string): Promise<OpenedRoom> {
  const bank = (await (await fetch(`${origin}/api/questions`)).json()) as {
    questions: { id: string }[]
  }
  return post<OpenedRoom>(`${origin}/api/rooms`, { questionId: bank.questions[0]?.id }, 201)
}

/** POST /api/join with a link: a session token and the sync URL the browser would dial. */
export function join(origin: string, link: string, name: string): Promise<Joined> {
  return post<Joined>(`${origin}/api/join`, { capability: link.split('/join/')[1], name })
}

export interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
  close(): void
}

/** Connects to `<sessionId>/answer` and resolves once synced. */
export async function connectAnswer(joined: Joined): Promise<Client> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(joined.syncUrl, `${joined.sessionId}/answer`, doc, {
    params: { token: joined.token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  await new Promise<void>((resolve) => {
    if (provider.synced) return resolve()
    provider.once('sync', () => resolve())
  })
  return { doc, provider, close: () => (provider.destroy(), doc.destroy()) }
}

/** Resolves when `check` holds, tested on every update of `doc`; rejects after `ms`. */
export function whenDoc(doc: Y.Doc, check: () => boolean, what: string, ms = 20_000) {
  return new Promise<void>((resolve, reject) => {
    if (check()) return resolve()
    const timer = setTimeout(() => {
      doc.off('update', onUpdate)
      reject(new Error(`not within ${ms / 1000} s: ${what}`))
    }, ms)
    const onUpdate = () => {
      if (!check()) return
      clearTimeout(timer)
      doc.off('update', onUpdate)
      resolve()
    }
    doc.on('update', onUpdate)
  })
}

/**
 * Types one character into `doc.getText(name)` every `everyMs`, connected or not (as a person
 * keeps typing through a reconnect). `stop()` returns what was typed.
 */
export function typist(client: Client, name: string, everyMs = 40) {
  const text = client.doc.getText(name)
  let typed = ''
  const timer = setInterval(() => {
    const ch = String.fromCharCode(97 + (typed.length % 26))
    text.insert(text.length, ch)
    typed += ch
  }, everyMs)
  return {
    stop(): string {
      clearInterval(timer)
      return typed
    },
  }
}
