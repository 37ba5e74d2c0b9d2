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
// A window closes at the end of the event-loop turn its first update came in (setImmediate runs
// right after the turn's I/O): windows held 1 ms apart by a timer saved no CPU and made the median
// edit → peer 2–3× longer at 200–800 rooms (bench:steady, docs/performance.md).
export class CommitWindow<Entry> {
  private pending: Array<Queued<Entry>> = []
  private next: { promise: Promise<void>; resolve: () => void } | null = null
  private chain: Promise<void> = Promise.resolve()

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
    setImmediate(() => this.close())
    return promise
  }

  private close() {
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
