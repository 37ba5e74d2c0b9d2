import { NextResponse } from 'next/server'
import { webMetrics } from '@/server/ops/web-metrics'
import { checkReadiness, type Readiness } from '@/server/ops/readiness'
import { serverContext } from '@/server/server-context'

export const dynamic = 'force-dynamic'

// GET /healthz: 200 when this instance can serve (store and Redis answer), else 503 — the
// balancer's health check (deploy/haproxy.cfg) takes an instance out of rotation on a 503.
export async function GET(): Promise<Response> {
  let readiness: Readiness
  try {
    readiness = await checkReadiness(await serverContext(), webMetrics().checkSeconds)
  } catch {
    // the context itself could not open the store (e.g. PostgreSQL unreachable at start)
    readiness = { ok: false, store: 'down', redis: 'down' }
  }
  return NextResponse.json(readiness, {
    status: readiness.ok ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  })
}
