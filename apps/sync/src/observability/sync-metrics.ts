import type { Store } from '@mockroom/store'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/**
 * Prometheus metrics of one sync instance (GET /metrics). Counted per commit batch, never per
 * keystroke: the hot path stays as it is. Updates per second: rate(mockroom_sync_updates_total[1m]).
 */
export function syncMetrics(stats: () => { documents: number; connections: number }) {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const registers = [registry]
  new Gauge({
    name: 'mockroom_sync_connections',
    help: 'open WebSocket connections',
    registers,
    collect() {
      this.set(stats().connections)
    },
  })
  new Gauge({
    name: 'mockroom_sync_documents',
    help: 'documents in memory',
    registers,
    collect() {
      this.set(stats().documents)
    },
  })
  const updates = new Counter({
    name: 'mockroom_sync_updates_total',
    help: 'document updates stored',
    registers,
  })
  const commit = new Histogram({
    name: 'mockroom_sync_commit_seconds',
    help: 'time to store one group commit (one transaction)',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers,
  })
  const redisLag = new Histogram({
    name: 'mockroom_sync_redis_lag_seconds',
    help: 'publish to receipt of messages from other instances (cluster mode)',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers,
  })

  return {
    contentType: registry.contentType,
    text: () => registry.metrics(),
    redisLag: (ms: number) => redisLag.observe(ms / 1000),
    /** the store with its group commit timed and counted */
    meter(store: Store): Store {
      const append = store.updates.appendUpdates.bind(store.updates)
      const appendUpdates: Store['updates']['appendUpdates'] = async (rows) => {
        const end = commit.startTimer()
        const ids = await append(rows)
        end()
        updates.inc(rows.length)
        return ids
      }
      return { ...store, updates: { ...store.updates, appendUpdates } }
    },
  }
}

export type SyncMetrics = ReturnType<typeof syncMetrics>
