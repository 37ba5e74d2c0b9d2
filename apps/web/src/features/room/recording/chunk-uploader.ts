import { chunkQueue, type QueuedItem } from './chunk-queue'

export interface UploaderOptions {
  /** the sync server's HTTP base (its ws:// URL as http://) */
  baseUrl: string
  sessionId: string
  /** the room's current session token (renewed by the room) */
  token: () => string
  /** chunks still waiting on this device (for "n chunks waiting to upload") */
  onPending?: (n: number) => void
}

// answers that will never change for this item: it is dropped from the queue
const FINAL = new Set([400, 403, 404, 409, 413, 415])

/**
 * Sends queued chunks in order, one at a time, and removes each only once the server confirmed
 * it stored it. Network errors, 401 (a token being renewed), 429 and 5xx are retried with backoff;
 * a chunk left in IndexedDB by a closed tab is sent by the next page of the same session.
 */
export class ChunkUploader {
  private running = false
  private again = false
  private stopped = false
  private delay = 1_000
  private timer: ReturnType<typeof setTimeout> | null = null
  /** tracks recorded by this page: their `open` marks are not orphans */
  readonly live = new Set<string>()
  private swept = false

  constructor(private readonly o: UploaderOptions) {}

  /** Sends what is queued (again later if something failed). */
  kick(): void {
    if (this.stopped) return
    if (this.running) {
      this.again = true
      return
    }
    this.running = true
    void this.drain().finally(() => {
      this.running = false
      if (this.again) {
        this.again = false
        this.kick()
      }
    })
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
  }

  private async drain(): Promise<void> {
    let items: QueuedItem[]
    try {
      items = await chunkQueue.list(this.o.sessionId)
    } catch {
      return // no IndexedDB (private mode in some browsers): recording cannot be kept
    }
    if (!this.swept) {
      // a track left open by a closed or crashed tab: nothing more will come, so it ends
      this.swept = true
      for (const open of items.filter((i) => i.kind === 'open' && !this.live.has(i.trackId)))
        if (!items.some((i) => i.key === `${open.trackId}:end`)) {
          const end: QueuedItem = { ...open, key: `${open.trackId}:end`, kind: 'end' }
          await chunkQueue.put(end)
          items.push(end)
        }
      items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    }
    const sendable = items.filter((i) => i.kind !== 'open')
    this.o.onPending?.(sendable.filter((i) => i.kind === 'chunk').length)
    for (const item of sendable) {
      if (this.stopped) return
      const status = await this.send(item).catch(() => 0)
      if (status === 200 || FINAL.has(status)) {
        await chunkQueue.remove(item.key)
        if (item.kind === 'end') await chunkQueue.remove(`${item.trackId}:open`)
        this.delay = 1_000
        continue
      }
      // retried later, in order: a later chunk never overtakes an earlier one
      this.retryLater()
      return
    }
    this.o.onPending?.(0)
  }

  private retryLater() {
    if (this.timer || this.stopped) return
    this.timer = setTimeout(() => {
      this.timer = null
      this.kick()
    }, this.delay)
    this.delay = Math.min(this.delay * 2, 30_000)
  }

  private async send(item: QueuedItem): Promise<number> {
    const base = `${this.o.baseUrl}/sessions/${this.o.sessionId}/tracks/${item.trackId}`
    const auth = { authorization: `Bearer ${this.o.token()}` }
    if (item.kind === 'end') {
      const res = await fetch(`${base}/end`, { method: 'POST', headers: auth })
      return res.status
    }
    const res = await fetch(`${base}/chunks/${item.seq}`, {
      method: 'PUT',
      headers: {
        ...auth,
        'content-type': item.mimeType,
        'x-started-at': String(Math.round(item.startedAt)),
      },
      body: item.data,
    })
    return res.status
  }
}
