import { NextResponse } from 'next/server'
import { webMetrics } from '@/server/ops/web-metrics'
import { metricsRefusal } from '@/server/ops/metrics-access'
import { serverContext } from '@/server/server-context'

export const dynamic = 'force-dynamic'

// GET /metrics: Prometheus text format for this instance (scraped per instance, not through the
// balancer, which refuses /metrics: see deploy/haproxy.cfg), for this machine or a token holder.
export async function GET(request: Request): Promise<Response> {
  const refused = metricsRefusal(request, (await serverContext()).env.METRICS_TOKEN)
  if (refused)
    return NextResponse.json(
      { error: refused.error },
      {
        status: refused.status,
        headers: refused.status === 401 ? { 'www-authenticate': 'Bearer' } : {},
      },
    )
  const { registry } = webMetrics()
  return new Response(await registry.metrics(), {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  })
}
