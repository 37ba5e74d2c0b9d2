import { describe, expect, it } from 'vitest'
import { clientAddress } from './connection-address'

const req = (forwarded: string | undefined, remoteAddress = '10.0.0.1') =>
  ({
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
    socket: { remoteAddress },
  }) as Parameters<typeof clientAddress>[0]

describe('clientAddress', () => {
  it('is the socket peer unless a trusted proxy forwards, then the entry the proxy appended', () => {
    expect(clientAddress(req('6.6.6.6'), false)).toBe('10.0.0.1')
    expect(clientAddress(req(undefined), true)).toBe('10.0.0.1')
    // a client may send its own header; the balancer appends the address it saw last
    expect(clientAddress(req('6.6.6.6, 203.0.113.7'), true)).toBe('203.0.113.7')
    expect(clientAddress(req(' '), true)).toBe('10.0.0.1')
  })
})
