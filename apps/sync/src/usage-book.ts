import { answerDocName, controlDocName, parseDocName, privateDocName } from '@mockroom/protocol'
import type { Store } from '@mockroom/store'

/** Stored bytes, counted from the store once and kept up to date as updates are queued. */
export interface Usage {
  bytes: number
}

export interface RoomUsage {
  doc: Usage
  session: Usage
}

interface SessionEntry {
  ready: Promise<void>
  docs: Map<string, Usage>
  total: Usage
  rooms: number
}

const sessionOf = (docName: string) => parseDocName(docName)?.sessionId ?? docName

/**
 * Size accounting per document and per session while any of the session's documents is loaded.
 * One book per sync server (no module-level state); several instances each count what they store.
 */
export function usageBook(store: Store) {
  const sessions = new Map<string, SessionEntry>()

  function entryFor(sessionId: string): SessionEntry {
    const found = sessions.get(sessionId)
    if (found) return found
    const names = [answerDocName, privateDocName, controlDocName].map((f) => f(sessionId))
    const entry: SessionEntry = {
      ready: Promise.resolve(),
      docs: new Map(),
      total: { bytes: 0 },
      rooms: 0,
    }
    entry.ready = store.updates.storedBytes(names).then((stored) => {
      for (const name of names) entry.docs.set(name, { bytes: stored.get(name) ?? 0 })
      entry.total.bytes = [...stored.values()].reduce((a, b) => a + b, 0)
    })
    entry.ready.catch(() => sessions.delete(sessionId))
    sessions.set(sessionId, entry)
    return entry
  }

  return {
    async acquire(docName: string): Promise<RoomUsage> {
      const entry = entryFor(sessionOf(docName))
      entry.rooms++
      await entry.ready
      let doc = entry.docs.get(docName)
      if (!doc) entry.docs.set(docName, (doc = { bytes: 0 }))
      return { doc, session: entry.total }
    },
    release(docName: string) {
      const sessionId = sessionOf(docName)
      const entry = sessions.get(sessionId)
      if (entry && --entry.rooms <= 0) sessions.delete(sessionId)
    },
  }
}
