import { canSpeak } from '@mockroom/access'
import { controlDocName, CloseCode, CloseError } from '@mockroom/protocol'
import type { Store } from '@mockroom/store'
import { connectClient, type ClientDeps, type ConnectionHandle } from './client-connection'
import { CommitWindow } from '../core/commit-window'
import { LiveDoc, type DocCommits } from '../core/live-doc'
import { defaultLimits, type SyncLimits } from '../guards/sync-limits'
import type { ClusterLink } from '../cluster/cluster-link'
import { prepareDoc } from '../session/prepare-doc'
import { sessionDocs, type SessionDocs } from '../session/session-docs'
import { LiveDocRegistry } from '../core/live-doc-registry'
import { sessionController } from '../session/session-controller'
import type { CallControl } from '../session/call-control'
import {
  admitChunk,
  defaultUploadLimits,
  storeChunk,
  uploadGate,
  type AlreadyStored,
  type ChunkDeps,
  type ChunkHead,
  type ChunkTicket,
  type Refusal,
  type UploadGate,
  type UploadLimits,
} from './chunk-upload'
import { recordingControl } from '../session/recording-control'
import { trackFinalizer, type TrackFinalizer } from '../session/track-finalizer'
import { rateLimits, type RateLimits } from '../guards/sync-rate-limits'
import { sampledLog } from '../observability/sampled-log'
import type { ConnectionContext, SocketLike } from '../core/connection-context'
import type { AuthenticatePayload } from './authenticate'
import type { Logger } from '../observability/logger'
import { usageBook } from '../guards/usage-book'
import { writeBudgets } from '../guards/write-budget'

export interface SyncServerOptions {
  store: Store
  logger: Logger
  /** Decides who may open which document; throw CloseError to refuse (hocuspocus-style hook). */
  onAuthenticate(payload: AuthenticatePayload): Promise<ConnectionContext>
  /** makes a track's file once it ended (ffmpeg); made with the defaults when absent */
  finalizer?: TrackFinalizer
  /** size and structure limits (defaults in sync-limits.ts) */
  limits?: Partial<SyncLimits>
  /** bounds on audio uploads besides the rate limits (defaults in audio-upload.ts) */
  uploads?: Partial<UploadLimits>
  /** rate limits (sync-rate-limits.ts); defaults in memory, pass one built with a Redis factory to share */
  rates?: RateLimits
  /** the audio call, so Remove also takes the person out of it (none in most tests) */
  call?: CallControl
  /** cluster mode: the other sync instances, reached through Redis (cluster-link.ts) */
  cluster?: ClusterLink
}

export type { ConnectionHandle }

export interface SyncServer {
  connect(socket: SocketLike, payload: AuthenticatePayload): ConnectionHandle
  /** an audio chunk as its path and headers describe it: refused, a repeat, or admitted */
  admitChunk(head: ChunkHead): Promise<Refusal | ChunkTicket | AlreadyStored>
  /** stores an admitted chunk (answered only once it is durable) */
  storeChunk(ticket: ChunkTicket, audio: Uint8Array): Promise<{ status: number; body: object }>
  /** the owner ends a track: its file is made (ffmpeg) and handed to transcription */
  endTrack(r: {
    sessionId: string
    trackId: string
    token: string | null
  }): Promise<{ status: number; body: object }>
  /** audio held by uploads in flight, and their bounds */
  uploads: { gate: UploadGate; limits: UploadLimits }
  stats(): { documents: number; connections: number }
  /** readiness: the store answers (and Redis, in cluster mode) */
  ready(): Promise<{ store: boolean; redis?: boolean }>
  close(): Promise<void>
}

/** The sync core: no sockets of its own, only the SocketLike the glue hands it. */
export function createSyncServer(options: SyncServerOptions): SyncServer {
  const { store, logger } = options
  const limits: SyncLimits = { ...defaultLimits, ...options.limits }
  const usage = usageBook(store)
  const rates = options.rates ?? rateLimits()
  // one group commit for all documents (commit-window.ts)
  const commits: DocCommits = new CommitWindow(store, logger)
  const cluster = options.cluster ?? null
  const registry = new LiveDocRegistry(async (name, drop) => {
    // cluster mode: listen to the other instances before reading the store (doc-peers.ts)
    const follower = cluster
      ? await cluster.follow(name).catch((err: unknown) => {
          logger.warn({ doc: name, err }, 'subscribing to the other instances failed')
          throw new CloseError(CloseCode.tryAgainLater, 'the other sync instances are unreachable')
        })
      : null
    let live: LiveDoc | null = null
    try {
      live = await LiveDoc.load(name, store, logger, drop, limits, commits)
      follower?.attach(live)
      const loaded = live
      loaded.trackUsage(await usage.acquire(name), usage)
      await prepareDoc(loaded, store)
      return loaded
    } catch (err) {
      if (live) live.destroy()
      else follower?.cancel()
      if (err instanceof CloseError) throw err
      logger.warn({ doc: name, err }, 'loading a document failed')
      throw new CloseError(CloseCode.storageFailure, 'storage unavailable')
    }
  }, logger)
  cluster?.bind(registry)

  const docs: SessionDocs = sessionDocs(registry, cluster)
  const budgets = writeBudgets(limits)
  const recording = recordingControl({ store, docs })
  const control = sessionController({
    store,
    docs,
    call: options.call,
    budgets,
    limits,
    recording,
  })
  const uploadLimits: UploadLimits = { ...defaultUploadLimits, ...options.uploads }
  const gate = uploadGate(uploadLimits)
  const finalizer =
    options.finalizer ??
    trackFinalizer({
      store,
      logger,
      graceMs: uploadLimits.afterEndGraceMs,
      idleMs: 120_000,
      retentionMs: 0,
    })
  const chunks: ChunkDeps = {
    store,
    limits: uploadLimits,
    authenticate: (payload) => options.onAuthenticate(payload),
    admit: (kind, key) =>
      rates.take(kind === 'address' ? 'uploadsPerAddress' : 'uploadsPerParticipant', key),
    decide: (sessionId) => recording.decide(sessionId),
  }
  const authenticate = async (payload: AuthenticatePayload) => {
    const who = await options.onAuthenticate(payload)
    // a person who speaks opening the control document may be a newcomer recording must ask
    if (who.kind === 'control' && canSpeak(who.role))
      void recording
        .refresh(who.sessionId)
        .catch((err: unknown) => logger.warn({ err }, 'refreshing the recording state failed'))
    return who
  }
  const deps: ClientDeps = {
    logger,
    control,
    limits,
    rates,
    refused: sampledLog(logger),
    registry,
    authenticate,
    tally: { connections: 0 },
  }

  async function endTrack(r: { sessionId: string; trackId: string; token: string | null }) {
    let who: ConnectionContext
    try {
      who = await options.onAuthenticate({
        documentName: controlDocName(r.sessionId),
        token: r.token,
      })
    } catch (err) {
      return {
        status: 401,
        body: { error: err instanceof CloseError ? err.message : 'unauthorized' },
      }
    }
    const track = await store.recordings.track(r.trackId)
    if (!track || track.sessionId !== r.sessionId)
      return { status: 404, body: { error: 'unknown track' } }
    if (track.participantId !== who.participantId)
      return { status: 403, body: { error: 'that track is not yours' } }
    await store.recordings.endTrack(r.trackId, Date.now())
    const made = await finalizer.finalize(r.trackId)
    return {
      status: 200,
      body: { trackId: r.trackId, finalized: made || track.finalizedAt !== null },
    }
  }

  function connect(socket: SocketLike, payload: AuthenticatePayload): ConnectionHandle {
    return connectClient(socket, payload, deps)
  }

  return {
    connect,
    admitChunk: (head) => admitChunk(chunks, gate, head),
    storeChunk: (ticket, bytes) => storeChunk(store, ticket, bytes),
    endTrack,
    uploads: { gate, limits: uploadLimits },
    stats: () => ({ documents: registry.size, connections: deps.tally.connections }),
    async ready() {
      const store_ = await store.ping().then(
        () => true,
        () => false,
      )
      return cluster ? { store: store_, redis: await cluster.ready() } : { store: store_ }
    },
    close: () => registry.closeAll(CloseCode.goingAway, 'server shutting down'),
  }
}
