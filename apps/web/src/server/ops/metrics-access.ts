import { createHash, timingSafeEqual } from 'node:crypto'
import { clientAddress } from '../http/request-address'

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/

/**
 * Who may read /metrics: with METRICS_TOKEN set, whoever sends it as a Bearer token; without
 * it, only this machine (a scraper beside the process, or the cluster's per-instance scrape on
 * 127.0.0.1). `pnpm start` listens on every interface, so the address alone is not enough.
 */
export function metricsRefusal(
  request: Request,
  token: string | undefined,
): { status: 401 | 403; error: string } | null {
  if (token) {
    const sent = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? ''
    return sameSecret(sent, token) ? null : { status: 401, error: 'metrics need METRICS_TOKEN' }
  }
  return LOOPBACK.test(clientAddress(request))
    ? null
    : { status: 403, error: 'metrics are served to this machine only (or set METRICS_TOKEN)' }
}

// equal-length digests, so the comparison takes the same time whatever was sent
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(a), digest(b))
}
