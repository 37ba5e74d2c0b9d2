import { createReplay, type Replay, type SessionRecord } from '@mockroom/session-model'

function fromBase64(data: string): Uint8Array {
  const binary = atob(data)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

// The final answer and the replay both read the same log: build it once per record.
const cache = new WeakMap<SessionRecord, Replay>()

export function replayOf(record: SessionRecord): Replay {
  let replay = cache.get(record)
  if (!replay) {
    replay = createReplay(
      record.answerUpdates.map((u) => ({
        data: fromBase64(u.data),
        createdAt: u.at,
        author: u.author,
      })),
    )
    cache.set(record, replay)
  }
  return replay
}

/**
 * The store time of the last update at or before `time`: moments between two updates show the
 * same document, so the replay rebuilds it only when this changes (not on every frame).
 */
export function snapTime(record: SessionRecord, replay: Replay, time: number): number {
  const n = replay.countAt(time)
  return n === 0 ? -Infinity : (record.answerUpdates[n - 1]?.at ?? time)
}
