import type { Worker } from 'node:worker_threads'
import { HttpError } from '../http/http-error'
import { startReplayThread, type ReplayJob, type ReplayResult } from './replay-thread'

export interface ReplayPool {
  /** Replays one log in a thread; a 503 at once when `maxQueued` jobs already wait. */
  run(job: Omit<ReplayJob, 'id'>): Promise<ReplayResult>
  /** whether a job offered now would be taken (checked before loading a log to offer) */
  hasRoom(): boolean
  /** jobs running or waiting (for tests and metrics) */
  pending(): number
  close(): Promise<void>
}

export function busyError(): HttpError {
  return new HttpError(503, 'reviews are busy: try again in a few seconds', { 'retry-after': '5' })
}

interface Slot {
  worker: Worker
  busy: { job: ReplayJob; resolve: (r: ReplayResult) => void; reject: (e: Error) => void } | null
}

/**
 * A fixed number of replay threads with a bounded queue. The request thread never replays a
 * log itself, and a flood of reviews waits here (or is refused) instead of taking its CPU.
 */
export function createReplayPool(
  threads: number,
  maxQueued: number,
  onError: (err: Error) => void = () => undefined,
): ReplayPool {
  let nextId = 1
  let closed = false
  const queue: Array<NonNullable<Slot['busy']>> = []
  const slots: Slot[] = []

  const start = (slot: Slot) => {
    slot.worker = startReplayThread()
    slot.worker.on('message', (msg: ReplayResult | { id: number; error: string }) => {
      const busy = slot.busy
      slot.busy = null
      if (busy) {
        if ('error' in msg) {
          onError(new Error(msg.error))
          busy.reject(new Error(`replay failed: ${msg.error}`))
        } else busy.resolve(msg)
      }
      feed()
    })
    // out of memory or crashed: only its job fails; a fresh thread takes the next one
    slot.worker.on('error', onError)
    slot.worker.on('exit', () => {
      const busy = slot.busy
      slot.busy = null
      busy?.reject(new HttpError(503, 'this review is too large to replay right now'))
      if (!closed) {
        start(slot)
        feed()
      }
    })
  }
  const feed = () => {
    for (const slot of slots) {
      if (slot.busy) continue
      const next = queue.shift()
      if (!next) return
      slot.busy = next
      slot.worker.postMessage(next.job, [next.job.bytes.buffer])
    }
  }
  for (let i = 0; i < threads; i++) {
    const slot = { busy: null } as unknown as Slot
    slots.push(slot)
    start(slot)
  }

  return {
    run(job) {
      if (queue.length >= maxQueued) return Promise.reject(busyError())
      return new Promise((resolve, reject) => {
        queue.push({ job: { ...job, id: nextId++ }, resolve, reject })
        feed()
      })
    },
    hasRoom: () => queue.length < maxQueued,
    pending: () => queue.length + slots.filter((s) => s.busy).length,
    async close() {
      closed = true
      for (const waiting of queue.splice(0)) waiting.reject(new Error('replay pool closed'))
      await Promise.all(slots.map((s) => s.worker.terminate()))
    },
  }
}
