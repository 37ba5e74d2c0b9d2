import * as Y from 'yjs'

/** One stored update as the review reads it back (store order = the order it was applied). */
export interface TimedUpdate {
  data: Uint8Array
  createdAt: number
  author: string
}

export interface Replay {
  readonly start: number
  readonly end: number
  readonly count: number
  /** A fresh Y.Doc holding exactly the updates stored at or before `time`. */
  docAt(time: number): Y.Doc
  /** How many updates were stored at or before `time`. */
  countAt(time: number): number
  /** Yjs client id -> author (participant id), so the review can colour who wrote what. */
  readonly authors: ReadonlyMap<number, string>
  /** what the checkpoints hold, at most the budget plus one state */
  readonly checkpointBytes: number
}

// checkpoints of a large document would hold a full copy each (7 MiB × 50 = 350 MB in a tab):
// past this many bytes they thin out, so memory stays bounded and only scrubbing slows down
const MAX_CHECKPOINT_BYTES = 32 * 1024 * 1024

/**
 * Replays a stored update log. A checkpoint (the encoded state) is kept every `checkpointEvery`
 * updates, so any moment is rebuilt from the nearest checkpoint plus fewer than that many updates;
 * when the checkpoints pass `maxCheckpointBytes` the spacing doubles (every other one is dropped).
 */
export function createReplay(
  updates: ReadonlyArray<TimedUpdate>,
  checkpointEvery = 400,
  maxCheckpointBytes = MAX_CHECKPOINT_BYTES,
): Replay {
  const authors = new Map<number, string>()
  for (const u of updates) {
    // a Yjs client id belongs to one browser session, so its first author is its only author
    for (const client of Y.parseUpdateMeta(u.data).from.keys()) {
      if (!authors.has(client)) authors.set(client, u.author)
    }
  }
  // checkpoint j = the encoded state after j * spacing updates; each chunk is applied in one
  // transaction, which is several times cheaper than a transaction per update
  const running = new Y.Doc()
  let spacing = checkpointEvery
  let checkpoints: Uint8Array[] = [Y.encodeStateAsUpdate(running)]
  let bytes = checkpoints[0]?.byteLength ?? 0
  for (let i = 0; i < updates.length; i += checkpointEvery) {
    const chunk = updates.slice(i, i + checkpointEvery)
    Y.transact(running, () => {
      for (const u of chunk) Y.applyUpdate(running, u.data)
    })
    const at = i + chunk.length
    if (chunk.length < checkpointEvery || at % spacing !== 0) continue
    const state = Y.encodeStateAsUpdate(running)
    checkpoints.push(state)
    bytes += state.byteLength
    while (bytes > maxCheckpointBytes && checkpoints.length > 1) {
      spacing *= 2
      checkpoints = checkpoints.filter((_, j) => j % 2 === 0)
      bytes = checkpoints.reduce((sum, c) => sum + c.byteLength, 0)
    }
  }
  running.destroy()

  // last index with createdAt <= time, +1 (times are non-decreasing in store order)
  const countAt = (time: number) => {
    let lo = 0
    let hi = updates.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((updates[mid]?.createdAt ?? Infinity) <= time) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  return {
    start: updates[0]?.createdAt ?? 0,
    end: updates.at(-1)?.createdAt ?? 0,
    count: updates.length,
    authors,
    countAt,
    checkpointBytes: bytes,
    docAt(time) {
      const n = countAt(time)
      const k = Math.min(Math.floor(n / spacing), checkpoints.length - 1)
      const doc = new Y.Doc()
      Y.transact(doc, () => {
        Y.applyUpdate(doc, checkpoints[k] as Uint8Array)
        for (let i = k * spacing; i < n; i++) Y.applyUpdate(doc, (updates[i] as TimedUpdate).data)
      })
      return doc
    },
  }
}
