import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pino } from 'pino'
import { TokenVerifier } from 'livekit-server-sdk'
import { afterEach, describe, expect, it } from 'vitest'
import { closeCall } from './livekit-call'

const logger = pino({ level: 'silent' })
const closers: Array<() => void> = []
afterEach(() => closers.splice(0).forEach((c) => c()))

// The boundary: what RoomServiceClient sends over HTTP (LiveKit's Twirp API), checked by a local server.
function fakeLivekit(status: number) {
  const seen: Array<{ url: string; auth: string; body: string }> = []
  const server = createServer((req: IncomingMessage, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      seen.push({ url: req.url ?? '', auth: req.headers.authorization ?? '', body })
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(status === 200 ? '{}' : '{"code":"internal","msg":"boom"}')
    })
  })
  return new Promise<{ url: string; seen: typeof seen }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      closers.push(() => server.close())
      resolve({ url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`, seen })
    }),
  )
}

const config = (url: string) => ({
  url,
  apiKey: 'devkey',
  apiSecret: 'secret',
  tokenTtlSeconds: 600,
})

describe('closeCall', () => {
  it('deletes the LiveKit room through the RoomService API with an admin token', async () => {
    const lk = await fakeLivekit(200)
    expect(await closeCall(config(lk.url), 'r1', logger)).toBe(true)
    expect(lk.seen).toHaveLength(1)
    const [call] = lk.seen
    expect(call?.url).toBe('/twirp/livekit.RoomService/DeleteRoom')
    expect(JSON.parse(call?.body ?? '{}')).toEqual({ room: 'mockroom-r1' })
    const claims = await new TokenVerifier('devkey', 'secret').verify(
      call?.auth.replace('Bearer ', '') ?? '',
    )
    expect(claims.video?.roomCreate).toBe(true)
  })

  it('never throws when LiveKit fails or cannot be reached', async () => {
    const lk = await fakeLivekit(500)
    expect(await closeCall(config(lk.url), 'r1', logger)).toBe(false)
    expect(await closeCall(config('ws://127.0.0.1:7'), 'r1', logger)).toBe(false)
  })
})
