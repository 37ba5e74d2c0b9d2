import { answerDocName, controlDocName, parseDocName, privateDocName } from '@mockroom/protocol'
import type { Store } from '@mockroom/store'

/** Stored bytes, counted from the store once and kept up to date as updates are queued. */
export interface Usage {
  bytes: number
}

/** One document's stored bytes, and its session's (shared by the session's documents). */
export interface DocUsage extends Usage {
  readonly name: string
  readonly session: Usage
}

export interface UsageBook {
  /** the usage of `docName`, counted from the store on the first document of its session */
  acquire(docName: string): Promise<DocUsage>
  /** `docName` left memory; the session is forgotten with its last loaded document */
  release(docName: string): void
}

// Per session while any of its documents is loaded: a few small objects, no Map or settled
// promise (hundreds of rooms each keep one session here; heap per room, issue #12).
interface SessionEntry {
  /** null once the stored sizes are read */
  ready: Promise<void> | null
  docs: DocUsage[]
  total: Usage
  /** the session's documents in memory */
  loaded: number
}

const sessionOf = (docName: string) => parseDocName(docName)?.sessionId ?? docName

/**
 * Size accounting per document and per session while any of the session's documents is loaded.
 * One book per sync server (no module-level state); several instances each count what they store.
 */
export function usageBook(store: Store): UsageBook {
  const sessions = new Map<string, SessionEntry>()

  function entryFor(sessionId: string): SessionEntry {
    const found = sessions.get(sessionId)
    if (found) return found
    const names = [answerDocName, privateDocName, controlDocName].map((f) => f(sessionId))
    const control = names[2] as string
    const entry: SessionEntry = { ready: null, docs: [], total: { bytes: 0 }, loaded: 0 }
    const ready = store.updates.storedBytes(names).then((stored) => {
      // the session's total is what clients write; the control document, which only the server
      // writes (budgets per person, write-budget.ts), counts apart so it never fills the session
      // mapped, not pushed: a pushed-to array reserves 16 more slots
      entry.docs = names.map((name) => ({
        name,
        bytes: stored.get(name) ?? 0,
        session: name === control ? { bytes: stored.get(name) ?? 0 } : entry.total,
      }))
      entry.total.bytes = names
        .filter((name) => name !== control)
        .reduce((a, name) => a + (stored.get(name) ?? 0), 0)
      entry.ready = null
    })
    ready.catch(() => sessions.delete(sessionId))
    entry.ready = ready
    sessions.set(sessionId, entry)
    return entry
  }

  return {
    async acquire(docName) {
      const entry = entryFor(sessionOf(docName))
      entry.loaded++
      if (entry.ready) await entry.ready
      let doc = entry.docs.find((d) => d.name === docName)
      if (!doc)
        entry.docs = entry.docs.concat((doc = { name: docName, bytes: 0, session: entry.total }))
      return doc
    },
    release(docName) {
      const sessionId = sessionOf(docName)
      const entry = sessions.get(sessionId)
      if (entry && --entry.loaded <= 0) sessions.delete(sessionId)
    },
  }
}
