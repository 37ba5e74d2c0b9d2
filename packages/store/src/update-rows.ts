// Row shapes of doc_updates, apart from the repository so the SQLite fast path can share them.

export interface UpdateRow {
  doc: string
  data: Uint8Array
  author: string
  createdAt: number
}

export interface StoredUpdate extends UpdateRow {
  id: number
}

export interface LoadedDoc {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  lastId: number
}
