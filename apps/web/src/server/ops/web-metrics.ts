import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client'

export interface WebMetrics {
  registry: Registry
  /** API requests by rate bucket (≈ route family) and status */
  requests: Counter<'bucket' | 'status'>
  requestSeconds: Histogram<'bucket'>
  /** session tokens handed out: a join or a renewal */
  tokens: Counter<'kind'>
  /** round trips of the readiness check to the store and Redis */
  checkSeconds: Histogram<'target'>
}

function create(): WebMetrics {
  const registry = new Registry()
  registry.setDefaultLabels({ app: 'web' })
  collectDefaultMetrics({ register: registry, prefix: 'mockroom_web_' })
  const fast = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]
  return {
    registry,
    requests: new Counter({
      name: 'mockroom_web_api_requests_total',
      help: 'API requests by rate bucket and response status',
      labelNames: ['bucket', 'status'],
      registers: [registry],
    }),
    requestSeconds: new Histogram({
      name: 'mockroom_web_api_request_seconds',
      help: 'API request handling time by rate bucket',
      labelNames: ['bucket'],
      buckets: fast,
      registers: [registry],
    }),
    tokens: new Counter({
      name: 'mockroom_web_session_tokens_issued_total',
      help: 'session tokens issued, by kind (join or refresh)',
      labelNames: ['kind'],
      registers: [registry],
    }),
    checkSeconds: new Histogram({
      name: 'mockroom_web_dependency_ping_seconds',
      help: 'round trip of the readiness ping, by target (store or redis)',
      labelNames: ['target'],
      buckets: fast,
      registers: [registry],
    }),
  }
}

// One registry per process. Next bundles each route separately (and its dev server re-evaluates
// modules), so the registry lives on globalThis like the server context.
const holder = globalThis as typeof globalThis & { __mockroomMetrics?: WebMetrics }

export function webMetrics(): WebMetrics {
  holder.__mockroomMetrics ??= create()
  return holder.__mockroomMetrics
}
