import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { pinClientAddress, trustsProxy } from './socket-address.mjs'

const servers: Server[] = []
afterEach(() => Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r)))))

/** A server that answers with the headers the app would see after pinClientAddress. */
async function serve(trustProxy: boolean): Promise<number> {
  const server = createServer((req, res) => {
    pinClientAddress(req, trustProxy)
    res.end(JSON.stringify(req.headers))
  })
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return (server.address() as AddressInfo).port
}

/** A hand-written HTTP/1.1 request, so the forged header goes out exactly as typed. */
function rawGet(port: number, extra: string): Promise<IncomingHttpHeaders> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`GET / HTTP/1.1\r\nHost: x\r\n${extra}Connection: close\r\n\r\n`),
    )
    let text = ''
    socket.on('data', (d) => (text += d.toString()))
    socket.on('error', reject)
    socket.on('end', () =>
      resolve(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as IncomingHttpHeaders),
    )
  })
}

describe('the client address of `pnpm start`', () => {
  it('is the socket address, whatever X-Forwarded-For a client sends, without TRUST_PROXY', async () => {
    const port = await serve(trustsProxy({}))
    for (const forged of ['203.0.113.7', '10.0.0.1, 198.51.100.2', '']) {
      const seen = await rawGet(port, `X-Forwarded-For: ${forged}\r\n`)
      expect(seen['x-forwarded-for']).toMatch(/^(::ffff:)?127\.0\.0\.1$/)
    }
    expect((await rawGet(port, ''))['x-forwarded-for']).toMatch(/^(::ffff:)?127\.0\.0\.1$/)
  })

  it("keeps a trusted proxy's header with TRUST_PROXY=true", async () => {
    expect(trustsProxy({ TRUST_PROXY: 'true' })).toBe(true)
    expect(trustsProxy({ TRUST_PROXY: '1' })).toBe(true)
    expect(trustsProxy({ TRUST_PROXY: 'yes' })).toBe(false)
    const port = await serve(true)
    const seen = await rawGet(port, 'X-Forwarded-For: 203.0.113.7, 198.51.100.2\r\n')
    expect(seen['x-forwarded-for']).toBe('203.0.113.7, 198.51.100.2')
  })
})
