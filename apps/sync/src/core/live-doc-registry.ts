import { CloseCode, CloseError } from '@mockroom/protocol'
import type { LiveDoc } from './live-doc'
import type { Logger } from '../observability/logger'

/**
 * One entry per document name. `users` counts connections and server tasks holding the document
 * (a connection counts from the moment it asks, so one that leaves while loading releases it too).
 */
type Entry =
  | { state: 'loading'; name: string; ready: Promise<LiveDoc>; users: number }
  | { state: 'open'; name: string; live: LiveDoc; users: number }
  | { state: 'unloading'; name: string; done: Promise<void> }

export type LiveDocState = Entry['state']

export interface LiveDocLoader {
  /** Loads (and prepares) a document; `drop` is its way to leave after a storage failure. */
  (name: string, drop: (live: LiveDoc) => void): Promise<LiveDoc>
}

/** Every loaded document of the sync server, in one map. */
export class LiveDocRegistry {
  private readonly entries = new Map<string, Entry>()
  private closing = false
  // one function for every document: a closure made in startLoading would keep its scope (the
  // load's promise) alive as long as the document (heap:diff, docs/performance.md)
  private readonly dropLive = (live: LiveDoc) => this.drop(live)

  constructor(
    private readonly load: LiveDocLoader,
    private readonly logger: Logger,
  ) {}

  /** The document for `name`, loaded if needed; the caller holds it until `release(live)`. */
  async open(name: string): Promise<LiveDoc> {
    for (;;) {
      if (this.closing) throw new CloseError(CloseCode.goingAway, 'server shutting down')
      const entry = this.entries.get(name)
      if (entry?.state === 'unloading') {
        await entry.done
        continue
      }
      if (entry?.state === 'open') {
        entry.users++
        return entry.live
      }
      if (entry?.state === 'loading') {
        entry.users++
        return entry.ready
      }
      return this.startLoading(name)
    }
  }

  private startLoading(name: string): Promise<LiveDoc> {
    const ready = this.load(name, this.dropLive).then(
      (live) => {
        // a storage failure while preparing it already closed and destroyed it
        if (live.hasFailed) throw new CloseError(CloseCode.storageFailure, 'storage unavailable')
        const current = this.entries.get(name)
        const users = current?.state === 'loading' && current.ready === ready ? current.users : 0
        this.entries.set(name, { state: 'open', name, live, users })
        // everyone who asked may have released it while it loaded
        if (users === 0) this.unload(name, live)
        return live
      },
      (err: unknown) => {
        const current = this.entries.get(name)
        if (current?.state === 'loading' && current.ready === ready) this.entries.delete(name)
        throw err
      },
    )
    this.entries.set(name, { state: 'loading', name, ready, users: 1 })
    return ready
  }

  /** Gives back a document from `open`; the last release stores and unloads it. */
  release(live: LiveDoc) {
    const entry = this.entries.get(live.name)
    if (!entry || entry.state === 'unloading') return
    if (entry.state === 'open' && entry.live !== live) return // a dropped, older document
    entry.users--
    // a loading entry with no users unloads as soon as it has loaded (see startLoading)
    if (entry.state === 'open' && entry.users <= 0) this.unload(live.name, live)
  }

  /** Runs `task` with the document held (loaded just for the call when nobody has it open). */
  async use<T>(name: string, task: (live: LiveDoc) => Promise<T> | T): Promise<T> {
    const live = await this.open(name)
    try {
      return await task(live)
    } finally {
      this.release(live)
    }
  }

  /** Runs `task` on the document if it is loaded or loading; never loads it. */
  async ifPresent(name: string, task: (live: LiveDoc) => void): Promise<void> {
    const entry = this.entries.get(name)
    if (entry?.state === 'open') task(entry.live)
    if (entry?.state === 'loading') task(await entry.ready)
  }

  /** Documents in memory and ready. */
  *openDocs(): Iterable<LiveDoc> {
    for (const e of this.entries.values()) if (e.state === 'open') yield e.live
  }

  state(name: string): LiveDocState | undefined {
    return this.entries.get(name)?.state
  }

  get size(): number {
    return this.entries.size
  }

  private unload(name: string, live: LiveDoc) {
    const done = live
      .unload()
      .catch((err: unknown) => this.logger.error({ doc: name, err }, 'unload failed'))
      .finally(() => {
        const current = this.entries.get(name)
        if (current?.state === 'unloading' && current.done === done) this.entries.delete(name)
      })
    this.entries.set(name, { state: 'unloading', name, done })
  }

  /** A storage failure: members are closed (they reconnect and resend), the document forgotten. */
  private drop(live: LiveDoc) {
    const entry = this.entries.get(live.name)
    if (entry?.state === 'open' && entry.live === live) this.entries.delete(live.name)
    live.closeMembers(CloseCode.storageFailure, 'storage unavailable')
    live.destroy()
  }

  /** Shutdown: waits for loads, closes every member with `code`, stores and unloads them all. */
  async closeAll(code: number, reason: string): Promise<void> {
    this.closing = true
    const entries = [...this.entries.values()]
    const pending: Promise<unknown>[] = []
    for (const e of entries) {
      if (e.state === 'unloading') pending.push(e.done)
      else pending.push(this.closeEntry(e, code, reason))
    }
    await Promise.allSettled(pending)
    // documents that finished loading meanwhile already unload; wait for those too
    const unloads: Promise<void>[] = []
    for (const e of this.entries.values()) if (e.state === 'unloading') unloads.push(e.done)
    await Promise.allSettled(unloads)
  }

  private async closeEntry(e: Entry & { state: 'loading' | 'open' }, code: number, reason: string) {
    const live = e.state === 'open' ? e.live : await e.ready
    const current = this.entries.get(live.name)
    live.closeMembers(code, reason)
    if (current?.state === 'open' && current.live === live) this.unload(live.name, live)
  }
}
