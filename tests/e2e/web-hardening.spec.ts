import { randomBytes } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { networkInterfaces } from 'node:os'
import { expect } from '@playwright/test'
import { test } from './browsers-fixture'
import { e2eWebPort } from './livekit-server-kit'

// Issue 27, the web half, against `pnpm start` itself: what only the real server shows.

/** A hand-written client: sends exactly these headers, over its own socket. */
function post(path: string, body: unknown, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const data = JSON.stringify(body)
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: e2eWebPort(),
        path,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': data.length, ...headers },
      },
      (res) => {
        let text = ''
        res.on('data', (d: Buffer) => (text += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}

test('a forged X-Forwarded-For does not escape the per-address limits', async () => {
  // a link nobody holds: the join is counted per address and link before the link is looked up
  const capability = randomBytes(24).toString('base64url')
  const statuses: number[] = []
  for (let i = 0; i < 34; i++) {
    const forged = `198.51.100.${i}, 203.0.113.${i}`
    const res = await post(
      '/api/join',
      { capability, name: `Eve ${i}` },
      { 'x-forwarded-for': forged },
    )
    statuses.push(res.status)
  }
  // 30 per minute per address and link, whatever address the header claims
  expect(statuses.slice(0, 30)).toEqual(Array(30).fill(404))
  expect(statuses.slice(30)).toEqual([429, 429, 429, 429])
})

test('malformed percent-encoding in a path is a 400 with JSON, never a 500', async ({
  request,
}) => {
  const paths = [
    '/join/%E0%A4%A',
    '/api/join/%E0%A4%A',
    '/review/%ZZ',
    '/review/%ZZ/x',
    '/api/review/%ZZ',
    '/api/review/%ZZ/x',
    '/questions/%E0%A4%A',
    '/api/rooms/%ZZ/participants',
    '/api/rooms/%ZZ/waiting',
    '/api/rooms/%ZZ/links',
  ]
  for (const path of paths) {
    for (const res of [await request.get(path), await request.post(path, { data: {} })]) {
      expect(res.status(), path).toBe(400)
      expect(((await res.json()) as { error: string }).error).toMatch(/percent-encoding/)
    }
  }
  // well-formed encoding still reaches the route: an unknown link is a 404
  expect((await request.get('/api/join/%E0%A4%A4')).status()).toBe(404)
})

test('/metrics answers this machine, not the network `pnpm start` listens on', async () => {
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((i) => i?.family === 'IPv4' && !i.internal)?.address
  if (!lan) throw new Error('this machine has no network address besides loopback')
  const get = (host: string) =>
    new Promise<number>((resolve, reject) =>
      httpRequest({ host, port: e2eWebPort(), path: '/metrics', agent: false }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
        .on('error', reject)
        .end(),
    )
  expect(await get('127.0.0.1')).toBe(200)
  expect(await get(lan)).toBe(403)
})
