import type { Store, UpdateRow } from '@mockroom/store'
import type { Logger } from '../observability/logger'

/** What the window needs from a document: told after its rows are durable, or that they failed. */
export interface CommitTarget<Entry> {
  readonly name: string
  readonly hasFailed: boolean
  /** `entries` are stored (in this order); the last got id `lastId` */
  committed(entries: Entry[], lastId: number): void
  storageFailed(err: unknown): void
}

interface Queued<Entry> {
  target: CommitTarget<Entry>
  row: UpdateRow
  entry: Entry
}

/**
 * Group commit for every document of the server: all updates queued in a window are written in
 * one transaction, and only then handed back to their documents to
 * broadcast. At a steady typing pace across many rooms each document queues about one update per
 * window, so a commit per document would cost a transaction per keystroke.
 */
// A window closes at the end of the event-loop turn its first update came in, but no sooner than
// this long after the previous commit: one turn per transaction alone gathered too few keystrokes
// under load (+8% CPU), a fixed 2 ms window made every edit wait (figures: docs/performance.md).
const MIN_GAP_MS = 1

export class CommitWindow<Entry> {
  private pending: Array<Queued<Entry>> = []
  private next: { promise: Promise<void>; resolve: () => void } | null = null
  private chain: Promise<void> = Promise.resolve()
  private lastClose = -Infinity

  constructor(
    private readonly store: { updates: Pick<Store['updates'], 'appendUpdates'> },
    private readonly logger: Logger,
  ) {}

  /** Queues one row; the promise resolves once it is stored and handed back (or failed). */
  add(target: CommitTarget<Entry>, row: UpdateRow, entry: Entry): Promise<void> {
    this.pending.push({ target, row, entry })
    if (this.next) return this.next.promise
    let resolve: () => void = () => undefined
    const promise = new Promise<void>((r) => (resolve = r))
    this.next = { promise, resolve }
    const wait = this.lastClose + MIN_GAP_MS - performance.now()
    if (wait <= 0) setImmediate(() => this.close())
    else setTimeout(() => this.close(), wait)
    return promise
  }

  private close() {
    this.lastClose = performance.now()
    const batch = this.pending
    const done = this.next
    this.pending = []
    this.next = null
    // batches are written strictly one after the other (an async store may still be writing)
    this.chain = this.chain.then(() => this.write(batch)).then(done?.resolve)
  }

  private async write(batch: Array<Queued<Entry>>) {
    const live = batch.filter((q) => !q.target.hasFailed)
    if (live.length === 0) return
    let ids: number[]
    try {
      ids = await this.store.updates.appendUpdates(live.map((q) => q.row))
    } catch (err) {
      const targets = new Set(live.map((q) => q.target))
      this.logger.error(
        { docs: [...targets].map((t) => t.name), err },
        'storing updates failed; closing the documents',
      )
      for (const t of targets) t.storageFailed(err)
      return
    }
    const byTarget = new Map<CommitTarget<Entry>, { entries: Entry[]; lastId: number }>()
    live.forEach((q, i) => {
      const part = byTarget.get(q.target)
      const id = ids[i] ?? 0
      if (part) {
        part.entries.push(q.entry)
        part.lastId = id
      } else byTarget.set(q.target, { entries: [q.entry], lastId: id })
    })
    for (const [target, part] of byTarget) target.committed(part.entries, part.lastId)
  }
}
