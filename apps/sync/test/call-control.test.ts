import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Store } from '@mockroom/store'
import { TokenVerifier } from 'livekit-server-sdk'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { livekitCallControl } from '../src/session/call-control'
import { controlClient, seedRoom } from './control-kit'
import type { ListeningServer } from '../src/server/http-server'
import { startSync } from '../src/server/start-sync'
import { logger, secret, tempDataDir, token } from './test-kit'

// The boundary: what RoomServiceClient sends to LiveKit (Twirp over HTTP), seen by a local server.
// The real LiveKit server is exercised in tests/e2e/livekit-real.spec.ts.
const seen: Array<{ url: string; auth: string; body: unknown }> = []
const lk = createServer((req, res) => {
  let body = ''
  req.on('data', (c: Buffer) => (body += c.toString()))
  req.on('end', () => {
    seen.push({ url: req.url ?? '', auth: req.headers.authorization ?? '', body: JSON.parse(body) })
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
  })
})

let store: Store
let server: ListeningServer
const cleanups: Array<() => void> = []

async function startWith(livekitUrl: string) {
  const dataDir = tempDataDir()
  store = await seedRoom(dataDir, 'alipay-international-customers')
  const call = livekitCallControl(
    { url: livekitUrl, apiKey: 'devkey', apiSecret: 'secret' },
    logger,
  )
  server = await startSync({ port: 0, host: '127.0.0.1', store: { dataDir }, secret, logger, call })
  const control = await controlClient(server.port, 'ses1', await token('interviewer'))
  cleanups.push(() => control.raw.ws.close())
  return control
}

beforeEach(async () => {
  seen.length = 0
  await new Promise<void>((resolve) => lk.listen(0, '127.0.0.1', resolve))
})
afterEach(async () => {
  for (const c of cleanups.splice(0)) c()
  await server.close()
  await store.close()
  await new Promise((resolve) => lk.close(resolve))
})

describe('Remove and the call', () => {
  it('takes the removed person out of the LiveKit room at once', async () => {
    const { port } = lk.address() as AddressInfo
    const control = await startWith(`ws://127.0.0.1:${port}`)
    expect((await control.send({ type: 'remove', participantId: 'candidate-1' })).ok).toBe(true)
    // the result is sent after LiveKit has answered
    expect(seen).toHaveLength(1)
    expect(seen[0]?.url).toBe('/twirp/livekit.RoomService/RemoveParticipant')
    expect(seen[0]?.body).toEqual({ room: 'mockroom-room1', identity: 'candidate-1' })
    const claims = await new TokenVerifier('devkey', 'secret').verify(
      seen[0]?.auth.replace('Bearer ', '') ?? '',
    )
    expect(claims.video?.roomAdmin).toBe(true)
  })

  it('still removes from the room when LiveKit cannot be reached', async () => {
    const control = await startWith('ws://127.0.0.1:7')
    expect((await control.send({ type: 'remove', participantId: 'candidate-1' })).ok).toBe(true)
    expect((await store.rooms.findParticipant('candidate-1'))?.removedAt).not.toBeNull()
  })
})
