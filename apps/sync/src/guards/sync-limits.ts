/** Every limit of the sync server in one place (docs/operations.md, "Limits"). */
export interface SyncLimits {
  /** deepest nesting of shared types in a document (a section's paragraph is depth 1) */
  maxDepth: number
  /** longest run of clocks one struct or deletion range may claim */
  maxRun: number
  /** stored bytes of one document (all its updates, history included) */
  docBytes: number
  /**
   * Yjs items (structs) in one loaded document: each costs ~400 bytes of server memory however
   * small its content, so one-character items that never merge fill memory long before bytes do
   */
  docItems: number
  /** stored bytes of one session's client-written documents (its answer and private notes) */
  sessionBytes: number
  /** what the server writes for one person into the control document (transcript, notes, talk) */
  serverBytesPerPerson: number
  /** the same, for all people of one role together (each join of a link is a new person) */
  serverBytesPerRole: number
  /** updates with missing dependencies held for one connection / one document */
  pendingPerConnection: number
  pendingPerDocument: number
  pendingBytesPerDocument: number
  /** one awareness state, as JSON */
  awarenessStateBytes: number
  /** Yjs client ids one connection may announce in awareness */
  awarenessClientsPerConnection: number
}

export const defaultLimits: SyncLimits = {
  maxDepth: 64,
  maxRun: 1 << 24,
  docBytes: 8 * 1024 * 1024,
  sessionBytes: 16 * 1024 * 1024,
  // tests/load bench:replay's 60-minute session of 20,000 updates (two people typing in turns
  // into the same paragraphs, the least merging) holds 7,587 items: this is 6.6 times that, and
  // ~19 MB of server memory at most (540,000 items took 215 MB)
  docItems: 50_000,
  // a 60-minute interview writes about 250 KB per speaker (lines every ~5 s, talk spans every ~3 s)
  serverBytesPerPerson: 1024 * 1024,
  serverBytesPerRole: 2 * 1024 * 1024,
  pendingPerConnection: 32,
  pendingPerDocument: 128,
  pendingBytesPerDocument: 4 * 1024 * 1024,
  awarenessStateBytes: 8 * 1024,
  awarenessClientsPerConnection: 4,
}
