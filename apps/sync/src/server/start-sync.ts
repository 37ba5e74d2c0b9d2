import { openStore, type StoreConfig } from '@mockroom/store'
import { tokenAuthenticator } from './authenticate'
import { listen, type ListeningServer } from './http-server'
import type { SyncLimits } from '../guards/sync-limits'
import type { UploadLimits } from './chunk-upload'
import { trackFinalizer } from '../session/track-finalizer'
import { rateLimits, type RateRules } from '../guards/sync-rate-limits'
import { clusterLink, type ClusterLink } from '../cluster/cluster-link'
import type { RedisBus } from '../cluster/redis-bus'
import type { redisRates } from '../cluster/redis-rates'
import { createSyncServer, type SyncServer } from './sync-server'
import type { syncMetrics } from '../observability/sync-metrics'
import type { CallControl } from '../session/call-control'
import type { Logger } from '../observability/logger'

export interface StartOptions {
  port: number
  host?: string
  store: StoreConfig
  secret: string
  logger: Logger
  limits?: Partial<SyncLimits>
  /** bounds on audio uploads (audio-upload.ts) */
  uploads?: Partial<UploadLimits>
  /** overrides of the default rate limits (in memory; sync-rate-limits.ts shows a shared store) */
  rates?: Partial<RateRules>
  call?: CallControl
  /** cluster mode: Redis shared with the other sync instances (the store must be PostgreSQL) */
  redisUrl?: string
  /** behind a balancer that appends X-Forwarded-For: count per-address limits by its last entry */
  trustProxy?: boolean
  /** lets callers other than loopback read /healthz's details (HEALTHZ_TOKEN) */
  healthzToken?: string
  /** Prometheus /metrics (prom-client); default: in cluster mode only */
  metrics?: boolean
  /** recorded audio older than this many days is deleted (AUDIO_RETENTION_DAYS; 0 keeps it) */
  audioRetentionDays?: number
  /** how often ended or abandoned tracks are finalized and old audio deleted */
  audioSweepMs?: number
  /** a track with no chunk for this long is finalized (its tab vanished) */
  audioIdleMs?: number
  /** the ffmpeg that repairs recorded tracks (FFMPEG_PATH); ffprobe is looked for beside it */
  ffmpegPath?: string
  /** a finished track of this instance was queued for transcription */
  onTranscriptionQueued?: () => void
}

/** Opens the store and serves the sync core on a port (0 picks a free one, as tests do). */
/** A started sync server, and what its process's other parts ask of it. */
export interface StartedSync extends ListeningServer {
  /** transcription jobs waiting or running (the worker's supervisor asks) */
  pendingTranscriptions(): Promise<number>
}

export async function startSync(options: StartOptions): Promise<StartedSync> {
  let core: SyncServer | null = null
  // prom-client costs several MB at start: loaded where someone scrapes (cluster mode, METRICS)
  let metrics: ReturnType<typeof syncMetrics> | null = null
  if (options.metrics ?? Boolean(options.redisUrl))
    metrics = (await import('../observability/sync-metrics')).syncMetrics(
      () => core?.stats() ?? { documents: 0, connections: 0 },
    )
  // checkpoints off the event loop: a commit never waits for the file's sync
  const opened = await openStore(options.store, { backgroundCheckpoint: true })
  const store = metrics ? metrics.meter(opened) : opened
  let bus: RedisBus | null = null
  let cluster: ClusterLink | null = null
  let shared: ReturnType<typeof redisRates> | null = null
  if (options.redisUrl) {
    // loaded only in cluster mode: one instance alone does not pay ioredis' memory at start
    const { RedisBus } = await import('../cluster/redis-bus')
    shared = (await import('../cluster/redis-rates')).redisRates(options.redisUrl, options.logger)
    bus = new RedisBus(options.redisUrl, options.logger)
    if (metrics) bus.onLag = metrics.redisLag
    try {
      await bus.ready()
      cluster = clusterLink(bus, store, options.logger)
      await cluster.listen()
    } catch (err) {
      await Promise.allSettled([bus.close(), shared?.close(), store.close()])
      throw err
    }
  }
  const finalizer = trackFinalizer({
    store,
    logger: options.logger,
    graceMs: options.uploads?.afterEndGraceMs ?? 30_000,
    idleMs: options.audioIdleMs ?? 120_000,
    ...(options.ffmpegPath
      ? {
          ffmpegPath: options.ffmpegPath,
          ffprobePath: options.ffmpegPath.replace(/ffmpeg(\.exe)?$/, 'ffprobe$1'),
        }
      : {}),
    retentionMs: (options.audioRetentionDays ?? 0) * 86_400_000,
    ...(options.onTranscriptionQueued
      ? { onTranscriptionQueued: options.onTranscriptionQueued }
      : {}),
  })
  finalizer.start(options.audioSweepMs ?? 15_000)
  core = createSyncServer({
    store,
    finalizer,
    ...(cluster ? { cluster } : {}),
    logger: options.logger,
    onAuthenticate: tokenAuthenticator(options.secret, store),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.uploads ? { uploads: options.uploads } : {}),
    rates: rateLimits(options.rates, shared?.factory),
    ...(options.call ? { call: options.call } : {}),
  })
  const server = await listen(
    core,
    options.logger,
    options.port,
    options.host,
    metrics ?? undefined,
    options.trustProxy ?? false,
    options.healthzToken,
  )
  return {
    port: server.port,
    bufferedBytes: () => server.bufferedBytes(),
    pendingTranscriptions: () => store.transcription.pendingCount(),
    close: async () => {
      await server.close()
      await finalizer.stop()
      await bus?.close()
      await shared?.close()
      await store.close()
    },
  }
}
