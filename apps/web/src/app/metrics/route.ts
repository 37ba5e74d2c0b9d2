import { webMetrics } from '@/server/ops/web-metrics'

export const dynamic = 'force-dynamic'

// GET /metrics: Prometheus text format for this instance (scraped per instance, not through the
// balancer, which refuses /metrics: see deploy/haproxy.cfg).
export async function GET(): Promise<Response> {
  const { registry } = webMetrics()
  return new Response(await registry.metrics(), {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  })
}
