import { encodeAwareness, encodeUpdate } from '@mockroom/protocol'
import type { Store } from '@mockroom/store'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { AwarenessOwners } from './awareness-guard'
import { ClientOwners } from './client-owners'
import { CommitWindow, type CommitTarget } from './commit-window'
import { defaultLimits, type SyncLimits } from './limits'
import { PendingPool } from './pending-pool'
import type { RoomUsage } from './usage-book'
import type { ConnectionContext, Logger, SocketLike } from './types'

export interface RoomMember {
  /** unique per connection (rate limits per connection) */
  id: string
  socket: SocketLike
  context: ConnectionContext
  /** awareness client ids this connection has announced, removed when it leaves */
  clientIds: Set<number>
}

interface PendingUpdate {
  update: Uint8Array
  origin: RoomMember | null
}

export type RoomCommits = CommitWindow<PendingUpdate>

/** Origin of changes another sync instance stored and published: shown here, never stored again. */
export const remoteOrigin = Symbol('remote')

/** The other sync instances (cluster mode, room-peers.ts); null on one machine. */
export interface RoomPeers {
  /** updates of this room now stored: the other instances may show them */
  committed(updates: Uint8Array[]): void
  /** an awareness change of this instance's own members (y-protocols encoding) */
  awareness(update: Uint8Array, participantId: string): void
  /** the room is gone from memory */
  closed(): void
}

/** Origin of a change the server itself makes (control document), stored with this author. */
export class ServerOrigin {
  constructor(readonly author: string) {}
}

// Snapshot on unload once this many updates were stored since the last one (faster reloads).
const SNAPSHOT_EVERY = 100

/**
 * One loaded document: the Y.Doc, its awareness and its connections. Updates are applied in memory
 * at once but broadcast only after the batch they belong to is committed to the store (the
 * server's one CommitWindow, shared by all documents).
 */
export class DocRoom implements CommitTarget<PendingUpdate> {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private readonly members = new Set<RoomMember>()
  /** resolves once everything queued so far is stored and broadcast */
  private durable: Promise<void> = Promise.resolve()
  private lastStoredId: number
  private storedSinceSnapshot: number
  private failed = false
  /** the session ended: no client write is applied any more (server changes still are) */
  private isLocked = false
  /** stored bytes of this document and its session (quotas), see trackUsage */
  usage: RoomUsage = { doc: { bytes: 0 }, session: { bytes: 0 } }
  private releaseUsage: () => void = () => {}
  /** cluster mode: where committed updates and awareness go besides the local members */
  peers: RoomPeers | null = null
  /** client updates waiting for their dependencies: not applied, stored or sent */
  readonly held: PendingPool<RoomMember>
  /** which participant writes as which Yjs client id */
  readonly writers = new ClientOwners()
  /** which participant owns which awareness client id */
  readonly awarenessOwners: AwarenessOwners

  constructor(
    readonly name: string,
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly onStorageFailure: (room: DocRoom) => void,
    loaded: { lastId: number; updatesSinceSnapshot: number },
    limits: SyncLimits = defaultLimits,
    private readonly commits: RoomCommits = new CommitWindow(store, logger),
  ) {
    this.held = new PendingPool({
      perOwner: limits.pendingPerConnection,
      total: limits.pendingPerDocument,
      totalBytes: limits.pendingBytesPerDocument,
    })
    this.awarenessOwners = new AwarenessOwners(limits)
    this.lastStoredId = loaded.lastId
    this.storedSinceSnapshot = loaded.updatesSinceSnapshot
    // the server has no presence of its own; its awareness only relays the clients'
    this.awareness.setLocalState(null)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.queue(update, origin))
    this.awareness.on('update', this.relayAwareness)
  }

  static async load(
    name: string,
    store: Store,
    logger: Logger,
    onFailure: (r: DocRoom) => void,
    limits?: SyncLimits,
    commits?: RoomCommits,
  ) {
    const loaded = await store.updates.loadDoc(name)
    const room = new DocRoom(
      name,
      store,
      logger,
      onFailure,
      { lastId: loaded.lastId, updatesSinceSnapshot: loaded.updates.length },
      limits,
      commits,
    )
    Y.transact(
      room.doc,
      () => {
        if (loaded.snapshot) Y.applyUpdate(room.doc, loaded.snapshot)
        for (const u of loaded.updates) Y.applyUpdate(room.doc, u)
      },
      room, // origin: the room itself, so queue() does not store these again
    )
    return room
  }

  private queue(update: Uint8Array, origin: unknown) {
    if (origin === this) return
    // stored by the instance that published it: durable already, so shown at once; it counts
    // towards the quotas here too, or each instance would allow the whole quota again
    if (origin === remoteOrigin) {
      this.usage.doc.bytes += update.length
      this.usage.session.bytes += update.length
      return this.broadcast(encodeUpdate(update), null)
    }
    const member =
      origin instanceof Object && this.members.has(origin as RoomMember)
        ? (origin as RoomMember)
        : null
    const author =
      origin instanceof ServerOrigin ? origin.author : (member?.context.participantId ?? 'server')
    this.usage.doc.bytes += update.length
    this.usage.session.bytes += update.length
    const row = { doc: this.name, data: update, author, createdAt: Date.now() }
    this.durable = this.commits.add(this, row, { update, origin: member })
  }

  /** Resolves when everything queued so far is durable (and broadcast). */
  flush(): Promise<void> {
    return this.durable
  }

  /** The commit window stored these updates: now, and only now, peers may see them. */
  committed(entries: PendingUpdate[], lastId: number) {
    this.lastStoredId = lastId
    this.storedSinceSnapshot += entries.length
    for (const p of entries) this.broadcast(encodeUpdate(p.update), p.origin)
    if (this.peers) this.peers.committed(entries.map((p) => p.update))
  }

  /** Updates another instance stored (or the store holds): applied, and new parts shown. */
  applyRemote(updates: Iterable<Uint8Array>) {
    Y.transact(
      this.doc,
      () => {
        for (const u of updates) Y.applyUpdate(this.doc, u, remoteOrigin)
      },
      remoteOrigin,
    )
  }

  storageFailed() {
    if (this.failed) return
    this.failed = true
    this.onStorageFailure(this)
  }

  /** A change made by the server (not by a client): stored with `author`, then broadcast to all. */
  serverChange(author: string, change: (doc: Y.Doc) => void): Promise<void> {
    Y.transact(this.doc, () => change(this.doc), new ServerOrigin(author))
    return this.flush()
  }

  broadcast(message: Uint8Array, except: RoomMember | null) {
    for (const m of this.members) if (m !== except) m.socket.send(message)
  }

  private relayAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const member = this.members.has(origin as RoomMember) ? (origin as RoomMember) : null
    if (member) {
      for (const id of added) member.clientIds.add(id)
      for (const id of [...added, ...updated]) this.stampIdentity(id, member)
      for (const id of removed) member.clientIds.delete(id)
    }
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    this.broadcast(encodeAwareness(this.awareness, changed), null)
    if (this.peers && origin !== remoteOrigin)
      this.peers.awareness(
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
        member?.context.participantId ?? '',
      )
  }

  // Identity in awareness comes from the verified token, never from what the client claims.
  private stampIdentity(clientId: number, member: RoomMember) {
    const state = this.awareness.states.get(clientId)
    if (!state) return
    const user = (state.user ?? {}) as Record<string, unknown>
    const { participantId, name, role } = member.context
    if (user.participantId === participantId && user.name === name && user.role === role) return
    this.awareness.states.set(clientId, { ...state, user: { ...user, participantId, name, role } })
  }

  /** storing failed once: the room is closed and must not be used again */
  get hasFailed(): boolean {
    return this.failed
  }

  get locked(): boolean {
    return this.isLocked
  }

  /** After the end of a session: client writes are dropped from now on. */
  lock() {
    this.isLocked = true
  }

  has(member: RoomMember): boolean {
    return this.members.has(member)
  }

  get memberCount(): number {
    return this.members.size
  }

  join(member: RoomMember) {
    this.members.add(member)
  }

  /** The awareness client ids of this instance's own members, per participant. */
  ownAwareness(): Array<{ participantId: string; clientIds: number[] }> {
    const out: Array<{ participantId: string; clientIds: number[] }> = []
    for (const m of this.members) {
      const clientIds = [...m.clientIds].filter((id) => this.awareness.states.has(id))
      if (clientIds.length > 0) out.push({ participantId: m.context.participantId, clientIds })
    }
    return out
  }

  /** Removes a connection and the awareness states it announced. */
  leave(member: RoomMember) {
    if (!this.members.delete(member)) return
    this.held.drop(member)
    const ids = [...member.clientIds].filter((id) => this.awareness.states.has(id))
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null)
  }

  /** Closes every connection (or those of one participant) with a documented close code. */
  closeMembers(code: number, reason: string, participantId?: string) {
    for (const m of [...this.members]) {
      if (participantId !== undefined && m.context.participantId !== participantId) continue
      if (participantId === undefined) this.members.delete(m)
      m.socket.close(code, reason)
    }
  }

  /** Stores the current state as a snapshot (the final answer at the end of a session). */
  async snapshot(): Promise<void> {
    await this.flush()
    // Cluster mode writes none: other instances' sequence ids commit out of order, so this
    // document may lack an update with a lower id than its last, and a snapshot `upto` that id
    // would hide it from every later load. Loads read the whole history instead.
    if (this.lastStoredId > 0 && !this.peers) {
      await this.store.updates.saveSnapshot(
        this.name,
        this.lastStoredId,
        Y.encodeStateAsUpdate(this.doc),
        Date.now(),
      )
      this.storedSinceSnapshot = 0
    }
  }

  /** Flush, snapshot if worthwhile, and free memory. */
  async unload(): Promise<void> {
    await this.flush()
    // no snapshots in cluster mode: see snapshot()
    if (
      !this.peers &&
      !this.failed &&
      this.storedSinceSnapshot >= SNAPSHOT_EVERY &&
      this.lastStoredId > 0
    ) {
      try {
        await this.store.updates.saveSnapshot(
          this.name,
          this.lastStoredId,
          Y.encodeStateAsUpdate(this.doc),
          Date.now(),
        )
      } catch (err) {
        this.logger.warn({ doc: this.name, err }, 'snapshot failed (updates are all stored)')
      }
    }
    this.destroy()
  }

  /** Quotas: the server's usage book counts this room's bytes until the room is destroyed. */
  trackUsage(usage: RoomUsage, release: () => void) {
    this.usage = usage
    this.releaseUsage = release
  }

  destroy() {
    this.peers?.closed()
    this.peers = null
    this.releaseUsage()
    this.releaseUsage = () => {}
    this.awareness.off('update', this.relayAwareness)
    this.awareness.destroy()
    this.doc.destroy()
  }
}
