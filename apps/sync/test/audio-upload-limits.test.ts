// Issue #27, finding 1: an upload's body is read only after the headers pass every check, and
// never past the cap or for longer than the body timeout.
import { request, type ClientRequest } from 'node:http'
import type { Store } from '@mockroom/store'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedRoom } from './control-kit'
import type { ListeningServer } from '../src/server/http-server'
import { start, tempDataDir, token } from './test-kit'
import type { Transcriber } from '../src/session/transcriber'

const MiB = 1024 * 1024
const engine: Transcriber = {
  transcribe: ({ audio }) =>
    Promise.resolve([{ offsetMs: 0, durationMs: 1000, text: `${audio.length} bytes` }]),
}

interface Upload {
  req: ClientRequest
  /** the answer, whenever it comes (before the body is complete, for a refusal) */
  answer: Promise<{ status: number; body: string }>
}

/** An upload that sends `first` and keeps the request open (`req.end()` finishes it). */
function upload(
  port: number,
  opts: { token?: string; declared?: number; first: Buffer; sessionId?: string },
): Upload {
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: `/sessions/${opts.sessionId ?? 'ses1'}/audio`,
    headers: {
      'content-type': 'audio/webm',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.declared !== undefined ? { 'content-length': opts.declared } : {}),
    },
  })
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      res.on('error', reject)
    })
    // the server may drop the connection once it answered: that is not a failure here
    req.on('error', () => undefined)
  })
  req.write(opts.first)
  return { req, answer }
}

/** Answers that arrive within `ms` (the rest are counted as missing). */
async function answered(uploads: Upload[], ms: number) {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<null>((r) => (timer = setTimeout(() => r(null), ms)))
  const out = await Promise.all(uploads.map((u) => Promise.race([u.answer, timeout])))
  clearTimeout(timer)
  return out
}

let dataDir: string
let store: Store
const servers: ListeningServer[] = []
const open: ClientRequest[] = []

beforeEach(async () => {
  dataDir = tempDataDir()
  store = await seedRoom(dataDir, 'alipay-international-customers')
})
afterEach(async () => {
  for (const r of open.splice(0)) r.destroy()
  for (const s of servers.splice(0)) await s.close()
  await store.close()
})

async function server(extra: Parameters<typeof start>[1] = { transcriber: engine }) {
  const s = await start(dataDir, extra)
  servers.push(s)
  return s
}

function track(u: Upload) {
  open.push(u.req)
  return u
}

describe('audio uploads', () => {
  it('refuses 40 held uploads without a token at once, without buffering their bodies', async () => {
    const { port } = await server()
    const chunk = Buffer.alloc(MiB, 7) // one buffer written by every upload: the client holds 1 MiB
    const before = process.memoryUsage().arrayBuffers
    const uploads = Array.from({ length: 40 }, () =>
      track(upload(port, { declared: 10 * MiB, first: chunk })),
    )
    const answers = await answered(uploads, 5_000)
    const grew = (process.memoryUsage().arrayBuffers - before) / MiB
    expect(
      answers.map((a) => a?.status ?? 'none'),
      `held bodies, +${grew.toFixed(1)} MB`,
    ).toEqual(Array(40).fill(401))
    expect(grew).toBeLessThan(12)
  })

  it('answers 503 before the body when no transcriber is configured', async () => {
    const { port } = await server({})
    const u = track(
      upload(port, { token: await token('candidate'), declared: 10 * MiB, first: Buffer.alloc(1) }),
    )
    const [a] = await answered([u], 5_000)
    expect(a?.status).toBe(503)
  })

  it('stops reading at the cap and answers 413 while the client is still sending', async () => {
    const { port } = await server()
    // no Content-Length (chunked): only counting the body can find it too large
    const u = track(upload(port, { token: await token('candidate'), first: Buffer.alloc(MiB) }))
    for (let i = 0; i < 10; i++) u.req.write(Buffer.alloc(MiB))
    const [a] = await answered([u], 5_000)
    expect(a?.status).toBe(413)
    // a declared size over the cap is refused from the headers
    const declared = track(
      upload(port, { token: await token('candidate'), declared: 11 * MiB, first: Buffer.alloc(1) }),
    )
    expect((await answered([declared], 5_000))[0]?.status).toBe(413)
  })

  it('times out a body that arrives too slowly', async () => {
    const { port } = await server({ transcriber: engine, uploads: { bodyTimeoutMs: 300 } })
    const u = track(
      upload(port, { token: await token('candidate'), declared: 1000, first: Buffer.alloc(10) }),
    )
    const [a] = await answered([u], 5_000)
    expect(a?.status).toBe(408)
  })

  it('reads one upload per participant at a time beyond the limit, and still transcribes', async () => {
    const { port } = await server({ transcriber: engine, uploads: { inFlightPerParticipant: 1 } })
    const tok = await token('candidate')
    const a = track(upload(port, { token: tok, declared: 100, first: Buffer.alloc(10) }))
    const b = track(upload(port, { token: tok, declared: 100, first: Buffer.alloc(10) }))
    // one is admitted (its body is awaited); the other is refused from its headers
    const first = await Promise.race([
      a.answer.then((r) => ({ u: a, r })),
      b.answer.then((r) => ({ u: b, r })),
    ])
    expect(first.r.status).toBe(429)
    const other = first.u === a ? b : a
    other.req.end(Buffer.alloc(90))
    expect(await other.answer).toEqual({ status: 200, body: JSON.stringify({ segments: 1 }) })
  })
})
