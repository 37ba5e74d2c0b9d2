import { describe, expect, it } from 'vitest'
import { metricsRefusal } from './metrics-access'

// Issue 27, finding 11(a): /metrics under `pnpm start`, which listens on every interface.
// X-Forwarded-For is what scripts/web-server.mjs pins to the socket's address.
const from = (address: string, headers: Record<string, string> = {}) =>
  new Request('http://app.test/metrics', { headers: { 'x-forwarded-for': address, ...headers } })

describe('/metrics', () => {
  it('without METRICS_TOKEN answers this machine only', () => {
    for (const here of ['127.0.0.1', '::1', '::ffff:127.0.0.1'])
      expect(metricsRefusal(from(here), undefined), here).toBeNull()
    for (const there of ['192.0.2.2', '::ffff:10.0.0.1', '2001:db8::1', 'unknown'])
      expect(metricsRefusal(from(there), undefined)?.status, there).toBe(403)
  })

  it('with METRICS_TOKEN answers whoever sends it, from anywhere, and no one else', () => {
    const token = 'a-metrics-token-of-length'
    const bearer = { authorization: `Bearer ${token}` }
    expect(metricsRefusal(from('192.0.2.2', bearer), token)).toBeNull()
    expect(metricsRefusal(from('192.0.2.2'), token)?.status).toBe(401)
    expect(metricsRefusal(from('127.0.0.1'), token)?.status).toBe(401)
    expect(
      metricsRefusal(from('192.0.2.2', { authorization: 'Bearer wrong' }), token)?.status,
    ).toBe(401)
  })
})
