import { Worker } from 'node:worker_threads'

/** One answer log, as sent to a replay thread: every update's bytes end to end in one buffer. */
export interface ReplayJob {
  id: number
  bytes: Uint8Array<ArrayBuffer>
  lengths: number[]
  ats: number[]
  authors: string[]
}

/** What a replay sends back: the merged final state and what the review shows of the log. */
export interface ReplayResult {
  id: number
  /** Y.encodeStateAsUpdate of every update applied: one update to decode, not thousands */
  merged: Uint8Array
  /** Yjs client id -> author (participant id), first author wins */
  clients: Array<[number, string]>
  /** the record's `answerUpdates`, already as JSON text ([{at, author, data: base64}]) */
  answerUpdatesJson: string
}

/**
 * The per-update work of a review: applying every update once (no snapshots kept), reading
 * client ids, base64. Plain JavaScript with nothing from outside, as it is also sent to the
 * replay threads as source text (Next's bundle, tsx and Vitest run it unchanged).
 */
export function replayLog(Y: typeof import('yjs'), job: ReplayJob): ReplayResult {
  const doc = new Y.Doc()
  const clients = new Map<number, string>()
  const rows: string[] = []
  let offset = 0
  Y.transact(doc, () => {
    job.lengths.forEach((length, i) => {
      const data = job.bytes.subarray(offset, offset + length)
      offset += length
      const author = job.authors[i] ?? ''
      // a Yjs client id belongs to one browser session, so its first author is its only one
      for (const client of Y.parseUpdateMeta(data).from.keys())
        if (!clients.has(client)) clients.set(client, author)
      Y.applyUpdate(doc, data)
      const base64 = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64')
      rows.push(JSON.stringify({ at: job.ats[i], author, data: base64 }))
    })
  })
  const merged = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return {
    id: job.id,
    merged,
    clients: Array.from(clients),
    answerUpdatesJson: `[${rows.join(',')}]`,
  }
}

// Runs in a replay thread; `require` and the replay are handed in as text.
function replayThreadMain(load: NodeJS.Require, replay: typeof replayLog) {
  const threads = load('node:worker_threads') as typeof import('node:worker_threads')
  const { createRequire: requireFrom } = load('node:module') as typeof import('node:module')
  // resolved here, from the main module's location: a bundler rewrites what the main thread asks
  const from = (threads.workerData as { from: string }).from
  const Y = requireFrom(from)('yjs') as typeof import('yjs')
  const port = threads.parentPort
  port?.on('message', (job: ReplayJob) => {
    try {
      const result = replay(Y, job)
      port.postMessage(result, [result.merged.buffer as ArrayBuffer])
    } catch (err) {
      port.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) })
    }
  })
}

/** Heap one replay thread may use; past it only that thread dies, and its job fails. */
export const REPLAY_THREAD_HEAP_MB = 256

/** A replay thread, unref'd: it alone does not keep the process alive. */
export function startReplayThread(): Worker {
  const source = `(${replayThreadMain.toString()})(require, ${replayLog.toString()})`
  const worker = new Worker(source, {
    eval: true,
    workerData: { from: import.meta.url },
    resourceLimits: { maxOldGenerationSizeMb: REPLAY_THREAD_HEAP_MB },
  })
  worker.unref()
  return worker
}
