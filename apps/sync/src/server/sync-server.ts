import { controlDocName, CloseCode, CloseError } from '@mockroom/protocol'
import { appendSegments } from '@mockroom/session-model'
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
import type { Transcriber } from '../session/transcriber'
import {
  admitUpload,
  defaultUploadLimits,
  transcribeUpload,
  uploadGate,
  type AudioDeps,
  type Refusal,
  type UploadGate,
  type UploadHead,
  type UploadLimits,
  type UploadTicket,
} from './audio-upload'
import { rateLimits, type RateLimits } from '../guards/sync-rate-limits'
import { sampledLog } from '../observability/sampled-log'
import type { ConnectionContext, SocketLike } from '../core/connection-context'
import type { AuthenticatePayload } from './authenticate'
import type { Logger } from '../observability/logger'
import { usageBook } from '../guards/usage-book'
import { entryBytes, writeBudgets } from '../guards/write-budget'

export interface SyncServerOptions {
  store: Store
  logger: Logger
  /** Decides who may open which document; throw CloseError to refuse (hocuspocus-style hook). */
  onAuthenticate(payload: AuthenticatePayload): Promise<ConnectionContext>
  /** a deployment's speech-to-text engine for uploaded audio (none by default) */
  transcriber?: Transcriber
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
  /** an audio upload as its headers describe it: refused, or admitted to read its body */
  admitUpload(head: UploadHead): Promise<Refusal | UploadTicket>
  /** server-side transcription of an admitted upload's audio into the session's transcript */
  transcribe(ticket: UploadTicket, audio: Uint8Array): Promise<{ status: number; body: object }>
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
  const control = sessionController({ store, docs, call: options.call, budgets, limits })
  const uploadLimits: UploadLimits = { ...defaultUploadLimits, ...options.uploads }
  const gate = uploadGate(uploadLimits)
  const audio: AudioDeps = {
    transcriber: options.transcriber,
    limits: uploadLimits,
    session: (sessionId) => store.sessions.get(sessionId),
    authenticate: (payload) => options.onAuthenticate(payload),
    append: (sessionId, who, segments) =>
      docs.withDoc<string | void>(controlDocName(sessionId), (live) => {
        const bytes = segments.reduce((n, s) => n + entryBytes(s), 0)
        const refused = budgets(live.doc).refusal(who.participantId, who.role, bytes)
        if (refused) return refused
        return live.serverChange(who.participantId, (doc) => appendSegments(doc, segments))
      }),
    admit: (kind, key) =>
      rates.take(kind === 'address' ? 'uploadsPerAddress' : 'uploadsPerParticipant', key),
  }
  const deps: ClientDeps = {
    logger,
    control,
    limits,
    rates,
    refused: sampledLog(logger),
    registry,
    authenticate: (payload) => options.onAuthenticate(payload),
    tally: { connections: 0 },
  }

  function connect(socket: SocketLike, payload: AuthenticatePayload): ConnectionHandle {
    return connectClient(socket, payload, deps)
  }

  return {
    connect,
    admitUpload: (head) => admitUpload(audio, gate, head),
    transcribe: (ticket, bytes) => transcribeUpload(audio, ticket, bytes),
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
