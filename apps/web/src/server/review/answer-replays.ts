import { answerDocName } from '@mockroom/protocol'
import {
  answerMarkdown,
  readClarifyRows,
  sectionAuthorship,
  type SessionRecord,
} from '@mockroom/session-model'
import type { Store } from '@mockroom/store'
import { pino } from 'pino'
import * as Y from 'yjs'
import { readEnv } from '../../env'
import { REVIEW_CACHE_BYTES, REVIEW_QUEUE, REVIEW_THREADS } from '../http/http-limits'
import { busyError, createReplayPool, type ReplayPool } from './replay-pool'
import { replayLog } from './replay-thread'

/** A log this short is replayed on the request thread (a few milliseconds at most). */
const INLINE_REPLAY = { updates: 500, bytes: 256 * 1024 }

/** What a review shows of a session's answer log; the same for every viewer of that session. */
export interface AnswerPart {
  /** the record's `answerUpdates` as JSON text, spliced into the response as it is */
  answerUpdatesJson: string
  authorship: SessionRecord['authorship']
  answer: SessionRecord['answer']
  clarifyRows: SessionRecord['clarifyRows']
}

export interface AnswerReplays {
  /** The answer part of `sessionId`'s review, replayed off the request thread, cached per log. */
  get(store: Store, sessionId: string, sectionKeys: readonly string[]): Promise<AnswerPart>
  stats(): { entries: number; bytes: number; pending: number; builds: number }
  close(): Promise<void>
}

interface Entry {
  version: number
  part: AnswerPart
  bytes: number
}

/**
 * Finished replays in an LRU bounded by bytes, keyed by session and section list and valid while
 * the log's stored size is unchanged (the sync server only appends: any new update changes it).
 * One build per session and version at a time; builds run in a small pool of threads.
 */
export function createAnswerReplays(
  options: {
    threads?: number
    maxQueued?: number
    maxCacheBytes?: number
    onError?: (err: Error) => void
  } = {},
): AnswerReplays {
  const maxCacheBytes = options.maxCacheBytes ?? REVIEW_CACHE_BYTES
  let pool: ReplayPool | null = null
  const cache = new Map<string, Entry>()
  const building = new Map<string, Promise<AnswerPart>>()
  let cachedBytes = 0
  let builds = 0

  const remember = (key: string, entry: Entry) => {
    const old = cache.get(key)
    if (old) {
      cache.delete(key)
      cachedBytes -= old.bytes
    }
    // larger than the whole cache: served once, never kept
    if (entry.bytes > maxCacheBytes) return
    cache.set(key, entry)
    cachedBytes += entry.bytes
    for (const [k, e] of cache) {
      if (cachedBytes <= maxCacheBytes) break
      cache.delete(k)
      cachedBytes -= e.bytes
    }
  }

  const build = async (store: Store, doc: string, keys: readonly string[]): Promise<AnswerPart> => {
    pool ??= createReplayPool(options.threads ?? REVIEW_THREADS, options.maxQueued ?? REVIEW_QUEUE)
    builds++
    const updates = await store.updates.listUpdates(doc)
    if (updates.length > INLINE_REPLAY.updates && !pool.hasRoom()) throw busyError()
    const bytes = new Uint8Array(updates.reduce((n, u) => n + u.data.byteLength, 0))
    let offset = 0
    for (const u of updates) {
      bytes.set(u.data, offset)
      offset += u.data.byteLength
    }
    const job = {
      bytes,
      lengths: updates.map((u) => u.data.byteLength),
      ats: updates.map((u) => u.createdAt),
      authors: updates.map((u) => u.author),
    }
    // a short log costs less here than a thread's queue, where it would wait behind a long one
    const small = updates.length <= INLINE_REPLAY.updates && bytes.length <= INLINE_REPLAY.bytes
    const result = small ? replayLog(Y, { ...job, id: 0 }) : await pool.run(job)
    // one merged update to decode here: what stays on the request thread is the reading
    const final = new Y.Doc()
    Y.applyUpdate(final, result.merged)
    const part = {
      answerUpdatesJson: result.answerUpdatesJson,
      authorship: sectionAuthorship(final, keys, new Map(result.clients)),
      answer: answerMarkdown(final, keys),
      clarifyRows: readClarifyRows(final),
    }
    final.destroy()
    return part
  }

  return {
    async get(store, sessionId, sectionKeys) {
      const doc = answerDocName(sessionId)
      const version = (await store.updates.storedBytes([doc])).get(doc) ?? 0
      const key = `${sessionId}\n${sectionKeys.join('\n')}`
      const hit = cache.get(key)
      if (hit?.version === version) {
        // most recently used last
        cache.delete(key)
        cache.set(key, hit)
        return hit.part
      }
      const flight = `${key}\n${version}`
      let pending = building.get(flight)
      if (!pending) {
        pending = build(store, doc, sectionKeys)
          .then((part) => {
            const size =
              part.answerUpdatesJson.length +
              JSON.stringify([part.authorship, part.answer, part.clarifyRows]).length
            remember(key, { version, part, bytes: size })
            return part
          })
          .finally(() => building.delete(flight))
        building.set(flight, pending)
      }
      return pending
    },
    stats: () => ({
      entries: cache.size,
      bytes: cachedBytes,
      pending: pool?.pending() ?? 0,
      builds,
    }),
    async close() {
      await pool?.close()
      pool = null
      cache.clear()
      cachedBytes = 0
    },
  }
}

// One per server process, kept on globalThis as the server context is (Next's dev server
// re-evaluates modules on every change).
const logger = pino({ level: readEnv().LOG_LEVEL, name: 'web' })
const holder = globalThis as typeof globalThis & { __mockroomReplays?: AnswerReplays }

export function answerReplays(): AnswerReplays {
  holder.__mockroomReplays ??= createAnswerReplays({
    onError: (err) => logger.error({ err: err.message }, 'review replay thread failed'),
  })
  return holder.__mockroomReplays
}
