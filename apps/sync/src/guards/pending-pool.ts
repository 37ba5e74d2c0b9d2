import type { SyncLimits } from './sync-limits'

type PoolLimits = Pick<
  SyncLimits,
  'pendingPerConnection' | 'pendingPerDocument' | 'pendingBytesPerDocument'
>

/**
 * Updates whose dependencies have not arrived, held aside from the document: never applied,
 * stored or sent to anyone until they fit. Bounded per owner and in total.
 */
export class PendingPool<Owner> {
  private entries: Array<{ owner: Owner; update: Uint8Array }> = []
  private bytes = 0

  // the server's limits object itself, shared by every document (no copy per document)
  constructor(private readonly limits: PoolLimits) {}

  get size() {
    return this.entries.length
  }

  /** false when the owner or the document is over its bound (the update is not kept) */
  add(owner: Owner, update: Uint8Array): boolean {
    const mine = this.entries.filter((e) => e.owner === owner).length
    if (mine >= this.limits.pendingPerConnection) return false
    if (this.entries.length >= this.limits.pendingPerDocument) return false
    if (this.bytes + update.length > this.limits.pendingBytesPerDocument) return false
    this.entries.push({ owner, update })
    this.bytes += update.length
    return true
  }

  drop(owner: Owner) {
    const kept = this.entries.filter((e) => e.owner !== owner)
    this.bytes = kept.reduce((sum, e) => sum + e.update.length, 0)
    this.entries = kept
  }

  /** Offers each held update in arrival order; `tryApply` returns true when it is done with one. */
  retry(tryApply: (owner: Owner, update: Uint8Array) => boolean): void {
    let progress = true
    while (progress && this.entries.length > 0) {
      progress = false
      for (const e of [...this.entries]) {
        if (!tryApply(e.owner, e.update)) continue
        this.entries.splice(this.entries.indexOf(e), 1)
        this.bytes -= e.update.length
        progress = true
      }
    }
  }
}
