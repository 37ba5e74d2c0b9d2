import { CloseCode } from '@mockroom/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { ListeningServer } from '../src/server/http-server'
import { start, tempDataDir, token } from './test-kit'

describe('per-address connection limit behind a balancer', () => {
  let server: ListeningServer | null = null
  afterEach(async () => {
    await server?.close()
    server = null
  })

  // every socket comes from one address (the balancer's); only X-Forwarded-For tells people apart
  const open = (port: number, tok: string, forwarded: string) =>
    new Promise<number | 'open'>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ses1/answer?token=${tok}`, {
        headers: { 'x-forwarded-for': forwarded },
      })
      ws.once('message', () => {
        resolve('open')
        ws.close()
      })
      ws.once('close', (code) => resolve(code))
    })

  it('counts each forwarded client apart with trustProxy, and the balancer as one without', async () => {
    const rates = { connectionsPerAddress: { points: 1, duration: 60 } }
    const tok = await token('candidate')
    server = await start(tempDataDir(), { rates, trustProxy: true })
    expect(await open(server.port, tok, '198.51.100.1')).toBe('open')
    expect(await open(server.port, tok, '198.51.100.2')).toBe('open')
    expect(await open(server.port, tok, '198.51.100.1')).toBe(CloseCode.tryAgainLater)
    await server.close()

    server = await start(tempDataDir(), { rates })
    expect(await open(server.port, tok, '198.51.100.1')).toBe('open')
    expect(await open(server.port, tok, '198.51.100.2')).toBe(CloseCode.tryAgainLater)
  })
})
