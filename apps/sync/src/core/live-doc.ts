import { encodeAwareness, encodeUpdate } from '@mockroom/protocol'
import type { Store } from '@mockroom/store'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { AwarenessOwners } from '../guards/awareness-guard'
import { ClientOwners } from '../guards/client-owners'
import { SERVER_CLIENTS, SERVER_WRITER } from '../guards/server-fields'
import { CommitWindow, type CommitTarget } from './commit-window'
import { defaultLimits, type SyncLimits } from '../guards/sync-limits'
import { PendingPool } from '../guards/pending-pool'
import type { DocUsage, UsageBook } from '../guards/usage-book'
import type { ConnectionContext, SocketLike } from './connection-context'
import type { Logger } from '../observability/logger'

export interface DocMember {
  socket: SocketLike
  context: ConnectionContext
  /** awareness client ids this connection has announced, removed when it leaves (one or two:
   * an array is a tenth of a Set's memory) */
  clientIds: number[]
}

interface PendingUpdate {
  update: Uint8Array
  /** the sync message peers get (a client's own update frame is forwarded as it came) */
  message: Uint8Array | null
  origin: DocMember | null
}

export type DocCommits = CommitWindow<PendingUpdate>

/** Origin of changes another sync instance stored and published: shown here, never stored again. */
export const remoteOrigin = Symbol('remote')

/** The other sync instances (cluster mode, doc-peers.ts); null on one machine. */
export interface DocPeers {
  /** updates of this document now stored: the other instances may show them */
  committed(updates: Uint8Array[]): void
  /** an awareness change of this instance's own members (y-protocols encoding) */
  awareness(update: Uint8Array, participantId: string): void
  /** the document is gone from memory */
  closed(): void
}

/**
 * Typed text is merged into the item on its left (Yjs' ContentString `str += …`), and V8 keeps
 * each merge as a cons string: string links pile up with every keystroke (bench:steady heap,
 * docs/performance.md). Reading the string flattens it in place, as Yjs' own encoding of an
 * update used to.
 */
function flattenTextAt(store: Y.Doc['store'], client: number, clock: number) {
  if (clock >= Y.getState(store, client)) return
  const item = Y.getItem(store, Y.createID(client, clock))
  if (item instanceof Y.Item && item.content instanceof Y.ContentString)
    item.content.str.charCodeAt(0)
}

/** Origin of a change the server itself makes (control document), stored with this author. */
export class ServerOrigin {
  constructor(readonly author: string) {}
}

// Snapshot on unload once this many updates were stored since the last one (faster reloads).
const SNAPSHOT_EVERY = 100

// a snapshot and rows as one update, garbage-collected (smaller than Y.mergeUpdates' result)
function mergeStored(parts: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc()
  Y.transact(doc, () => {
    for (const p of parts) Y.applyUpdate(doc, p)
  })
  const merged = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return merged
}
/** Awareness changes are relayed together at most this often: one frame per member, not per change. */
export const AWARENESS_RELAY_MS = 50

/**
 * One loaded document: the Y.Doc, its awareness and its connections. Updates are applied in memory
 * at once but broadcast only after the batch they belong to is committed to the store (the
 * server's one CommitWindow, shared by all documents).
 *
 * A client's update is stored and relayed as the bytes it sent (checked by validate-update.ts
 * first): the Y.Doc has no 'update' listener on that path, because Yjs encodes a fresh update for
 * every transaction while one is attached, and that encoding was the largest Yjs cost per
 * keystroke (issue #12 profile). Server changes and other instances' updates listen for the
 * length of their transaction, so only what was new is stored or shown.
 */
export class LiveDoc implements CommitTarget<PendingUpdate> {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private readonly members = new Set<DocMember>()
  /** resolves once everything queued so far is stored and broadcast */
  private durable: Promise<void> = Promise.resolve()
  private lastStoredId: number
  private storedSinceSnapshot: number
  private failed = false
  /** the session ended: no client write is applied any more (server changes still are) */
  private isLocked = false
  /** stored bytes of this document and its session (quotas), see trackUsage */
  usage: DocUsage
  private usageBook: Pick<UsageBook, 'release'> | null = null
  /** cluster mode: where committed updates and awareness go besides the local members */
  peers: DocPeers | null = null
  /** client updates waiting for their dependencies: not applied, stored or sent */
  readonly held: PendingPool<DocMember>
  /**
   * items (structs) in the document: exact after load and each recount, an upper bound in between
   * (a client update adds what validate-update.ts counted; Yjs merges some of them)
   */
  items = 0
  /** which participant writes as which Yjs client id */
  readonly writers = new ClientOwners()
  /** which participant owns which awareness client id */
  readonly awarenessOwners: AwarenessOwners
  /** this load's server client id is in the document's registry (server-fields.ts) */
  private registered = false
  /** awareness client ids changed since the last relay, and its timer (coalescing) */
  private awarenessDue: number[] = []
  private awarenessTimer: ReturnType<typeof setTimeout> | null = null

  constructor(
    readonly name: string,
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly onStorageFailure: (live: LiveDoc) => void,
    loaded: { lastId: number; updatesSinceSnapshot: number },
    limits: SyncLimits = defaultLimits,
    private readonly commits: DocCommits = new CommitWindow(store, logger),
  ) {
    this.held = new PendingPool(limits)
    this.awarenessOwners = new AwarenessOwners(limits)
    this.usage = { name, bytes: 0, session: { bytes: 0 } }
    this.lastStoredId = loaded.lastId
    this.storedSinceSnapshot = loaded.updatesSinceSnapshot
    // the server's client ids are the server's (claimWriters): this load's from the start
    this.writers.bind(SERVER_WRITER, this.doc.clientID)
    // the server has no presence of its own; its awareness only relays the clients'
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.relayAwareness)
  }

  static async load(
    name: string,
    store: Store,
    logger: Logger,
    onFailure: (r: LiveDoc) => void,
    limits?: SyncLimits,
    commits?: DocCommits,
  ) {
    const loaded = await store.updates.loadDoc(name)
    const live = new LiveDoc(
      name,
      store,
      logger,
      onFailure,
      { lastId: loaded.lastId, updatesSinceSnapshot: loaded.updates.length },
      limits,
      commits,
    )
    // no 'update' listener: what was stored is not stored again
    Y.transact(live.doc, () => {
      if (loaded.snapshot) Y.applyUpdate(live.doc, loaded.snapshot)
      for (const u of loaded.updates) Y.applyUpdate(live.doc, u)
    })
    live.recountItems()
    return live
  }

  /** Counts the document's items exactly (one look at each client's struct list). */
  recountItems(): number {
    let n = 0
    for (const list of this.doc.store.clients.values()) n += list.length
    this.items = n
    return n
  }

  /**
   * Binds the Yjs client ids a participant's update advances to them (ClientOwners); throws
   * CloseError for ids of someone else. The server's ids, this load's and every earlier one's,
   * also another instance's, are in the registry it keeps in the document: a client writing as
   * one would have its text credited to whoever asked the server (the review's authorship).
   */
  claimWriters(participantId: string, clients: readonly number[]) {
    // looked up as ids are claimed, not observed: an observer made a map type and a listener
    // per document (heap:diff, docs/performance.md)
    const registry = this.doc.share.get(SERVER_CLIENTS)?._map
    if (registry)
      for (const c of clients) if (registry.has(String(c))) this.writers.bind(SERVER_WRITER, c)
    this.writers.claim(participantId, clients)
  }

  /**
   * Applies a client's checked update and queues exactly those bytes for storing; `message` is
   * the frame it came in when that is already the sync update message to relay.
   */
  applyClient(
    update: Uint8Array,
    member: DocMember,
    message: Uint8Array | null,
    /** the Yjs client ids whose clocks it advances (validate-update.ts) */
    writers: readonly number[],
  ) {
    const store = this.doc.store
    const starts = writers.map((client) => Y.getState(store, client))
    Y.applyUpdate(this.doc, update, member)
    writers.forEach((client, i) => flattenTextAt(store, client, starts[i] ?? 0))
    this.queue(update, member.context.participantId, { update, message, origin: member })
  }

  private queue(update: Uint8Array, author: string, entry: PendingUpdate) {
    this.usage.bytes += update.length
    this.usage.session.bytes += update.length
    const row = { doc: this.name, data: update, author, createdAt: Date.now() }
    this.durable = this.commits.add(this, row, entry)
  }

  // Runs `change` with an 'update' listener attached for its transaction alone (Yjs emits it
  // synchronously at the end of Y.transact), so what it changed arrives as one encoded update.
  private withUpdates(origin: unknown, change: () => void, onUpdate: (update: Uint8Array) => void) {
    // inside another transaction Yjs would emit after the listener is gone: nothing stored
    if (this.doc._transaction) throw new Error(`change to ${this.name} inside a transaction`)
    this.doc.on('update', onUpdate)
    try {
      Y.transact(this.doc, change, origin)
    } finally {
      this.doc.off('update', onUpdate)
    }
  }

  /** Resolves when everything queued so far is durable (and broadcast). */
  flush(): Promise<void> {
    return this.durable
  }

  /** The commit window stored these updates: now, and only now, peers may see them. */
  committed(entries: PendingUpdate[], lastId: number) {
    this.lastStoredId = lastId
    this.storedSinceSnapshot += entries.length
    for (const p of entries) this.broadcast(p.message ?? encodeUpdate(p.update), p.origin)
    if (this.peers) this.peers.committed(entries.map((p) => p.update))
  }

  /** Updates another instance stored (or the store holds): applied, and new parts shown. */
  applyRemote(updates: Iterable<Uint8Array>) {
    this.withUpdates(
      remoteOrigin,
      () => {
        for (const u of updates) Y.applyUpdate(this.doc, u, remoteOrigin)
      },
      // stored by the instance that published it: durable already, so shown at once; it counts
      // towards the quotas here too, or each instance would allow the whole quota again
      (update) => {
        this.usage.bytes += update.length
        this.usage.session.bytes += update.length
        this.broadcast(encodeUpdate(update), null)
      },
    )
    this.recountItems()
  }

  storageFailed() {
    if (this.failed) return
    this.failed = true
    this.onStorageFailure(this)
  }

  /** A change made by the server (not by a client): stored with `author`, then broadcast to all. */
  serverChange(author: string, change: (doc: Y.Doc) => void): Promise<void> {
    this.withUpdates(
      new ServerOrigin(author),
      () => {
        change(this.doc)
        // registered with its first real change (a no-op projection on load stores nothing)
        const tr = this.doc._transaction
        if (!this.registered && tr && (tr.changed.size > 0 || tr.deleteSet.clients.size > 0)) {
          this.registered = true
          this.doc.getMap(SERVER_CLIENTS).set(String(this.doc.clientID), 1)
        }
      },
      (update) => this.queue(update, author, { update, message: null, origin: null }),
    )
    this.recountItems()
    return this.flush()
  }

  broadcast(message: Uint8Array, except: DocMember | null) {
    for (const m of this.members) if (m !== except) m.socket.send(message)
  }

  private relayAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const member = this.members.has(origin as DocMember) ? (origin as DocMember) : null
    if (member) {
      // concatenated, not pushed: a pushed-to (or filtered) array reserves room for 16 more ids,
      // and a connection announces one or two in its life (heap:diff, docs/performance.md)
      const fresh = added.filter((id) => !member.clientIds.includes(id))
      if (fresh.length > 0) member.clientIds = member.clientIds.concat(fresh)
      for (const id of [...added, ...updated]) this.stampIdentity(id, member)
      if (removed.length > 0)
        member.clientIds = member.clientIds.filter((id) => !removed.includes(id)).slice()
    }
    const changed = [...added, ...updated, ...removed]
    if (changed.length === 0) return
    // coalesced: a client sending many changes in a short time costs each member one frame
    for (const id of changed) if (!this.awarenessDue.includes(id)) this.awarenessDue.push(id)
    this.awarenessTimer ??= setTimeout(this.relayDue, AWARENESS_RELAY_MS)
    if (this.peers && origin !== remoteOrigin)
      this.peers.awareness(
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
        member?.context.participantId ?? '',
      )
  }

  private relayDue = () => {
    this.awarenessTimer = null
    const ids = this.awarenessDue.filter((id) => this.awareness.meta.has(id))
    this.awarenessDue = []
    if (ids.length > 0) this.broadcast(encodeAwareness(this.awareness, ids), null)
  }

  // Identity in awareness comes from the verified token, never from what the client claims.
  private stampIdentity(clientId: number, member: DocMember) {
    const state = this.awareness.states.get(clientId)
    if (!state) return
    const user = (state.user ?? {}) as Record<string, unknown>
    const { participantId, name, role } = member.context
    if (user.participantId === participantId && user.name === name && user.role === role) return
    // Object.assign, not spread: spreading a JSON-parsed state gave every copy a map (shape) of
    // its own in V8; assigned copies share theirs (heap:diff, docs/performance.md)
    const stamped = Object.assign({}, user, { participantId, name, role })
    this.awareness.states.set(clientId, Object.assign({}, state, { user: stamped }))
  }

  /** storing failed once: the document is closed and must not be used again */
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

  has(member: DocMember): boolean {
    return this.members.has(member)
  }

  get memberCount(): number {
    return this.members.size
  }

  join(member: DocMember) {
    this.members.add(member)
  }

  /** The awareness client ids of this instance's own members, per participant. */
  ownAwareness(): Array<{ participantId: string; clientIds: number[] }> {
    const out: Array<{ participantId: string; clientIds: number[] }> = []
    for (const m of this.members) {
      const clientIds = m.clientIds.filter((id) => this.awareness.states.has(id))
      if (clientIds.length > 0) out.push({ participantId: m.context.participantId, clientIds })
    }
    return out
  }

  /** Removes a connection and the awareness states it announced. */
  leave(member: DocMember) {
    if (!this.members.delete(member)) return
    this.held.drop(member)
    const ids = member.clientIds.filter((id) => this.awareness.states.has(id))
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
    if (this.lastStoredId > 0) await this.compact()
  }

  // The stored rows no snapshot holds, folded into a snapshot that marks exactly those rows. On
  // one machine this document holds every row it stored, so its own state is the snapshot (no
  // replay of the rows on the event loop); in cluster mode it may lack a row another instance
  // commits late, so the rows read are merged instead.
  private async compact(): Promise<void> {
    const merge = this.peers ? mergeStored : () => Y.encodeStateAsUpdate(this.doc)
    const done = await this.store.updates.compact(this.name, merge, Date.now())
    if (done) this.storedSinceSnapshot = 0
  }

  /** Flush, snapshot if worthwhile, and free memory. */
  async unload(): Promise<void> {
    await this.flush()
    if (!this.failed && this.storedSinceSnapshot >= SNAPSHOT_EVERY && this.lastStoredId > 0) {
      try {
        await this.compact()
      } catch (err) {
        this.logger.warn({ doc: this.name, err }, 'snapshot failed (updates are all stored)')
      }
    }
    this.destroy()
  }

  /** Quotas: the server's usage book counts this document's bytes until it is destroyed. */
  trackUsage(usage: DocUsage, book: Pick<UsageBook, 'release'>) {
    this.usage = usage
    this.usageBook = book
  }

  destroy() {
    this.peers?.closed()
    this.peers = null
    this.usageBook?.release(this.name)
    this.usageBook = null
    this.awareness.off('update', this.relayAwareness)
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer)
    this.awarenessTimer = null
    this.awareness.destroy()
    this.doc.destroy()
  }
}
