import * as Y from 'yjs'
import { SERVER_CLIENTS, SERVER_KEYS } from './server-fields'

/**
 * What the server does with a client's Yjs update, decided before it touches the document
 * (Yjs itself accepts almost anything and keeps what it cannot integrate forever).
 * - `ok`: every struct and deletion refers to what the document (or the update itself) holds.
 * - `pending`: it depends on structs the document does not have yet (held aside, bounded).
 * - `refused`: it can never be right (deletes beyond the document, nesting too deep, absurd runs).
 */
export type UpdateVerdict =
  /** `writers`: the Yjs client ids whose clocks the update advances */
  /** `empty`: nothing the document lacks (no new struct, no deletion): nothing to store */
  /** `items`: at most how many items it adds (each struct, and two splits per deletion range) */
  | { kind: 'ok'; writers: number[]; empty: boolean; items: number }
  | { kind: 'pending' }
  | { kind: 'refused'; reason: string }

export interface UpdateRules {
  /** deepest nesting of shared types (section fragment = 0, a paragraph in it = 1, …) */
  maxDepth: number
  /** longest run one struct may claim (deleted/GC runs of honest clients stay far below) */
  maxRun: number
}

type Struct = Y.Item | Y.GC | Y.Skip
type DocStruct = Y.Item | Y.GC

const refused = (reason: string): UpdateVerdict => ({ kind: 'refused', reason })

// Depth of a type in the document, counted up to `cap` (a stored 3,000-deep nesting costs `cap` steps).
function typeDepth(type: Y.AbstractType<unknown> | null, cap: number): number {
  let depth = 0
  let t = type
  while (t?._item && depth <= cap) {
    depth++
    t = t._item.parent as Y.AbstractType<unknown> | null
  }
  return depth
}

export function validateUpdate(doc: Y.Doc, update: Uint8Array, rules: UpdateRules): UpdateVerdict {
  const { structs, ds } = Y.decodeUpdate(update)
  const store = doc.store
  // 1. How far each client's clocks reach with this update applied; a gap means "pending".
  const byClient = new Map<number, Struct[]>()
  for (const s of structs) {
    const list = byClient.get(s.id.client)
    if (list) list.push(s)
    else byClient.set(s.id.client, [s])
  }
  const extent = new Map<number, number>()
  for (const [client, list] of byClient) {
    let end = Y.getState(store, client)
    for (const s of list) {
      if (s.length > rules.maxRun) return refused('struct run too long')
      if (s instanceof Y.Skip || s.id.clock > end) return { kind: 'pending' }
      end = Math.max(end, s.id.clock + s.length)
    }
    extent.set(client, end)
  }
  const known = (id: Y.ID | null) =>
    !id || id.clock < (extent.get(id.client) ?? Y.getState(store, id.client))
  const fresh = (s: Struct) => s.id.clock + s.length > Y.getState(store, s.id.client)
  // 2. Every reference of a new item must resolve.
  for (const s of structs) {
    if (!(s instanceof Y.Item) || !fresh(s)) continue
    const parent = s.parent instanceof Y.ID ? s.parent : null
    if (!known(s.origin) || !known(s.rightOrigin) || !known(parent)) return { kind: 'pending' }
  }
  // 2b. Fields only the server writes (its client registry, the "answered from hint" mark).
  for (const s of structs) {
    if (s instanceof Y.Item && mayBeServerField(s) && fresh(s) && setsServerField(doc, s, byClient))
      return refused('a field only the server writes')
  }
  // 3. Deletions may only cover structs that exist (in the document or in this update).
  let items = structs.length
  for (const [client, ranges] of ds.clients) {
    const end = extent.get(client) ?? Y.getState(store, client)
    items += 2 * ranges.length
    for (const r of ranges) {
      if (r.len > rules.maxRun || r.clock + r.len > end)
        return refused('deletion beyond the document')
    }
  }
  // 4. Nesting depth of every new shared type.
  let depth: ParentDepth | null = null // typing creates no shared type: built when one comes
  for (const s of structs) {
    if (!(s instanceof Y.Item) || !fresh(s) || !(s.content instanceof Y.ContentType)) continue
    depth ??= new ParentDepth(doc, byClient, rules.maxDepth)
    const d = depth.of(s)
    if (d === null) return refused('unresolvable structure')
    if (d + 1 > rules.maxDepth) return refused('nesting too deep')
  }
  const writers: number[] = []
  for (const [client, end] of extent) if (end > Y.getState(store, client)) writers.push(client)
  return { kind: 'ok', writers, empty: writers.length === 0 && ds.clients.size === 0, items }
}

/** The update's struct holding `id`, if the update has one (each client's structs in clock order). */
function structInUpdate(byClient: Map<number, Struct[]>, id: Y.ID): Struct | null {
  const list = byClient.get(id.client)
  if (!list) return null
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = list[mid] as Struct
    if (id.clock < s.id.clock) hi = mid - 1
    else if (id.clock >= s.id.clock + s.length) lo = mid + 1
    else return s
  }
  return null
}

/**
 * Whether a new item sets a server-only field (server-fields.ts). Only values a mark can hold
 * (ContentAny, ContentJSON) have their key looked up: typed text costs two type checks.
 */
const mayBeServerField = (item: Y.Item) =>
  (item.parent as unknown) === SERVER_CLIENTS ||
  item.content instanceof Y.ContentAny ||
  item.content instanceof Y.ContentJSON

function setsServerField(doc: Y.Doc, item: Y.Item, byClient: Map<number, Struct[]>): boolean {
  if ((item.parent as unknown) === SERVER_CLIENTS) return true
  // a map entry's key is written only with its parent; an overwrite names the entry it replaces
  let s: Struct | null = item
  for (let hops = 0; s instanceof Y.Item && hops < 64; hops++) {
    if (s.parentSub !== null) return SERVER_KEYS.has(s.parentSub)
    const id: Y.ID | null = s.origin ?? s.rightOrigin
    if (!id) return false
    if (id.clock < Y.getState(doc.store, id.client)) {
      const found = Y.getItem(doc.store, id)
      return found instanceof Y.Item && found.parentSub !== null && SERVER_KEYS.has(found.parentSub)
    }
    s = structInUpdate(byClient, id)
  }
  return false
}

/** Depth of the type an update's item lands in, resolved without recursion (origins may chain). */
class ParentDepth {
  private readonly memo = new Map<Struct, number>()

  constructor(
    private readonly doc: Y.Doc,
    private readonly byClient: Map<number, Struct[]>,
    private readonly cap: number,
  ) {}

  private inUpdate(id: Y.ID): Struct | null {
    return structInUpdate(this.byClient, id)
  }

  private inDoc(id: Y.ID): DocStruct | null {
    if (id.clock >= Y.getState(this.doc.store, id.client)) return null
    return Y.getItem(this.doc.store, id)
  }

  // What `s`'s parent depth depends on: a number when known, or another update struct.
  private step(s: Struct): number | Struct | null {
    if (!(s instanceof Y.Item)) return 0 // GC'd: Yjs drops it, nothing nests under it
    if (typeof s.parent === 'string') return 0
    const id = s.parent instanceof Y.ID ? s.parent : (s.origin ?? s.rightOrigin)
    if (!id) return null
    // prefer the document's copy: an update may repeat structs the document already has
    const doc = this.inDoc(id)
    if (doc) {
      if (!(doc instanceof Y.Item)) return 0
      if (s.parent instanceof Y.ID) {
        const type = doc.content instanceof Y.ContentType ? doc.content.type : null
        return type ? typeDepth(type, this.cap) : 0
      }
      return typeDepth(doc.parent as Y.AbstractType<unknown> | null, this.cap)
    }
    // the parent type's own item (its depth + 1), or the neighbour whose parent is ours
    return this.inUpdate(id)
  }

  of(start: Y.Item): number | null {
    const stack: Struct[] = [start]
    const onStack = new Set<Struct>([start])
    while (stack.length > 0) {
      const s = stack.at(-1) as Struct
      const next = this.step(s)
      let value: number | null
      if (next === null) return null
      if (typeof next === 'number') value = next
      else {
        const known = this.memo.get(next)
        if (known === undefined) {
          if (onStack.has(next)) return null // a cycle: no honest update has one
          stack.push(next)
          onStack.add(next)
          continue
        }
        value = s instanceof Y.Item && s.parent instanceof Y.ID ? known + 1 : known
      }
      this.memo.set(s, Math.min(value, this.cap + 1))
      stack.pop()
      onStack.delete(s)
    }
    return this.memo.get(start) ?? null
  }
}
