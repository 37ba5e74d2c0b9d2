import { CloseCode, CloseError } from '@mockroom/protocol'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** the state as JSON text; "null" removes the client's state */
  json: string
}

/** y-protocols' awareness update: varUint count, then (clientID, clock, JSON state) per entry. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const d = decoding.createDecoder(update)
    const count = decoding.readVarUint(d)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(d)
      const clock = decoding.readVarUint(d)
      const json = decoding.readVarString(d)
      entries.push({ clientId, clock, json })
    }
    return entries
  } catch {
    throw new CloseError(CloseCode.badMessage, 'malformed awareness update')
  }
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, entries.length)
  for (const x of entries) {
    encoding.writeVarUint(e, x.clientId)
    encoding.writeVarUint(e, x.clock)
    encoding.writeVarString(e, x.json)
  }
  return encoding.toUint8Array(e)
}

const MAX_IDS_PER_PARTICIPANT = 32

export interface AwarenessRules {
  awarenessStateBytes: number
  awarenessClientsPerConnection: number
}

/**
 * Who may speak for which Yjs client id in one document's awareness. The first participant to
 * announce an id owns it for as long as the document is loaded (a reconnect of the same person
 * keeps it; nobody else can take it over, even while its owner is away).
 */
export class AwarenessOwners {
  // in the order ids were bound (a Map iterates in insertion order); a reload brings a new id,
  // so old ones retire
  private readonly owners = new Map<number, string>()

  constructor(private readonly rules: AwarenessRules) {}

  /**
   * The entries `participantId` may apply, given the ids this connection already announced.
   * Foreign entries are left out (`refused` counts them); an oversized state closes the connection.
   */
  filter(
    participantId: string,
    announced: readonly number[],
    entries: AwarenessEntry[],
  ): { allowed: AwarenessEntry[]; refused: number } {
    const allowed: AwarenessEntry[] = []
    const mine = new Set(announced)
    let refused = 0
    for (const x of entries) {
      if (x.json.length > this.rules.awarenessStateBytes)
        throw new CloseError(CloseCode.tooLarge, 'awareness state too large')
      const owner = this.owners.get(x.clientId)
      const fresh = owner === undefined && !mine.has(x.clientId)
      if (
        (owner !== undefined && owner !== participantId) ||
        (fresh && mine.size >= this.rules.awarenessClientsPerConnection)
      ) {
        refused++
        continue
      }
      if (owner === undefined) this.bind(x.clientId, participantId, mine)
      mine.add(x.clientId)
      allowed.push(x)
    }
    return { allowed, refused }
  }

  /** Another instance bound these ids to `participantId` (cluster mode): the same here. */
  adopt(participantId: string, clientIds: number[]) {
    for (const id of clientIds)
      if (!this.owners.has(id)) this.bind(id, participantId, new Set(clientIds))
  }

  private bind(clientId: number, participantId: string, inUse: ReadonlySet<number>) {
    this.owners.set(clientId, participantId)
    // keep at most 32 per person: forget the oldest one this connection is not using. Counted
    // by a walk when the document has that many ids at all (rare), not kept in a second map
    // per document (heap per room, issue #12).
    if (this.owners.size <= MAX_IDS_PER_PARTICIPANT) return
    let count = 0
    let oldest: number | undefined
    for (const [id, owner] of this.owners) {
      if (owner !== participantId) continue
      count++
      if (oldest === undefined && !inUse.has(id)) oldest = id
    }
    if (count > MAX_IDS_PER_PARTICIPANT && oldest !== undefined) this.owners.delete(oldest)
  }
}
