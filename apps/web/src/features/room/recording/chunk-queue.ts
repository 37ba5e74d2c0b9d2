/** A recorded chunk, or a track's end, waiting in IndexedDB until the server confirms it. */
export interface QueuedItem {
  /** `${trackId}:${seq padded}` (chunks), `${trackId}:end`, `${trackId}:open` */
  key: string
  kind: 'chunk' | 'end' | 'open'
  sessionId: string
  trackId: string
  seq: number
  mimeType: string
  /** server ms of the track's first sample */
  startedAt: number
  data: Blob | null
}

const DB = 'mockroom-recording'
const STORE = 'queue'

// 40 lines of IndexedDB instead of a dependency: one object store, keys sort chunks in order
function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1)
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' })
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'))
  })
}

let db: Promise<IDBDatabase> | null = null
const database = () => (db ??= open())

function tx<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return database().then(
    (d) =>
      new Promise<T>((resolve, reject) => {
        const t = d.transaction(STORE, mode)
        const req = run(t.objectStore(STORE))
        // resolved once the transaction is durable, not when the request succeeds
        t.oncomplete = () => resolve(req.result)
        t.onerror = () => reject(t.error ?? new Error('IndexedDB write failed'))
        t.onabort = () => reject(t.error ?? new Error('IndexedDB write aborted'))
      }),
  )
}

export const chunkKey = (trackId: string, seq: number) =>
  `${trackId}:${String(seq).padStart(6, '0')}`

export const chunkQueue = {
  put: (item: QueuedItem) => tx('readwrite', (s) => s.put(item)).then(() => undefined),
  remove: (key: string) => tx('readwrite', (s) => s.delete(key)).then(() => undefined),
  /** everything queued for one session, in key order (a track's chunks, then its end) */
  async list(sessionId: string): Promise<QueuedItem[]> {
    const all = await tx('readonly', (s) => s.getAll() as IDBRequest<QueuedItem[]>)
    return all.filter((i) => i.sessionId === sessionId).sort((a, b) => cmp(a.key, b.key))
  },
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
