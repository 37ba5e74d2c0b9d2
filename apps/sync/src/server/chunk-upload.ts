import { canSpeak } from '@mockroom/access'
import { controlDocName, CloseError } from '@mockroom/protocol'
import { mayStoreChunk, type ConsentDecision } from '@mockroom/session-model'
import type { SessionRow, Store } from '@mockroom/store'
import type { ConnectionContext } from '../core/connection-context'
import type { AuthenticatePayload } from './authenticate'

/** What bounds chunk uploads besides the rate limits (docs/operations.md, "Limits"). */
export interface UploadLimits {
  /** one chunk's body (a few seconds of Opus are tens of KB) */
  chunkBytes: number
  /** all chunks of one track */
  trackBytes: number
  /** all chunks of one session, every speaker */
  sessionBytes: number
  /** a body still arriving after this long is refused with 408 (a slow sender holds a buffer) */
  bodyTimeoutMs: number
  /** uploads of one participant read at once */
  inFlightPerParticipant: number
  /** audio bytes held by all uploads of this server at once */
  inFlightBytes: number
  /** after End, a stop or a pause, chunks recorded before it still count for this long */
  afterEndGraceMs: number
}

export const defaultUploadLimits: UploadLimits = {
  chunkBytes: 1024 * 1024,
  trackBytes: 100 * 1024 * 1024,
  sessionBytes: 300 * 1024 * 1024,
  bodyTimeoutMs: 20_000,
  inFlightPerParticipant: 2,
  inFlightBytes: 64 * 1024 * 1024,
  afterEndGraceMs: 30_000,
}

// MediaRecorder's containers: Opus in WebM (Chromium, Firefox), AAC in MP4 (Safari)
const MIME = /^audio\/(webm|mp4)(;\s*codecs="?[a-z0-9.]+"?)?$/i
const TRACK_ID = /^[A-Za-z0-9_-]{8,64}$/
export const MAX_SEQ = 100_000

/** A chunk upload as its path and headers describe it: checked before a byte of the body. */
export interface ChunkHead {
  sessionId: string
  trackId: string
  /** the raw sequence number from the path */
  seq: string
  token: string | null
  mimeType: string
  /** server time (ms) of the track's first sample, as the client claims it */
  startedAt: number | null
  declaredBytes?: number
  address?: string
}

export interface ChunkDeps {
  store: Store
  authenticate(payload: AuthenticatePayload): Promise<ConnectionContext>
  admit(kind: 'address' | 'participant', key: string): Promise<boolean>
  decide(sessionId: string): Promise<ConsentDecision>
  limits: UploadLimits
}

export interface Refusal {
  status: number
  body: { error: string }
}

/** An admitted chunk: read its body (at most `maxBytes`), store it, then call `done()`. */
export interface ChunkTicket {
  who: ConnectionContext
  sessionId: string
  trackId: string
  seq: number
  mimeType: string
  requestId: string
  startedAt: number
  maxBytes: number
  done(): void
}

/** A repeated sequence number: already stored, answered without reading the body. */
export interface AlreadyStored {
  repeat: true
  seq: number
}

const refuse = (status: number, error: string): Refusal => ({ status, body: { error } })
const tooMany = refuse(429, 'too many uploads; try again in a minute')

/** Uploads in flight per participant and the audio bytes held, in this process's memory. */
export function uploadGate(limits: UploadLimits) {
  const perParticipant = new Map<string, number>()
  let bytes = 0
  return {
    enter(participantId: string): (() => void) | null {
      const n = perParticipant.get(participantId) ?? 0
      if (n >= limits.inFlightPerParticipant) return null
      perParticipant.set(participantId, n + 1)
      let left = false
      return () => {
        if (left) return
        left = true
        const m = (perParticipant.get(participantId) ?? 1) - 1
        if (m <= 0) perParticipant.delete(participantId)
        else perParticipant.set(participantId, m)
      }
    },
    /** reserves `n` more audio bytes; false when the server holds too many already */
    hold(n: number): boolean {
      if (bytes + n > limits.inFlightBytes) return false
      bytes += n
      return true
    },
    free(n: number) {
      bytes -= n
    },
    get heldBytes() {
      return bytes
    },
  }
}

export type UploadGate = ReturnType<typeof uploadGate>

/** The cheap checks of a chunk's path and headers, no I/O (unit-tested). */
export function checkHead(head: ChunkHead, limits: UploadLimits): Refusal | { seq: number } {
  if (!TRACK_ID.test(head.trackId)) return refuse(400, 'bad track id')
  if (!/^\d{1,6}$/.test(head.seq)) return refuse(400, 'bad sequence number')
  const seq = Number(head.seq)
  if (seq > MAX_SEQ) return refuse(400, `sequence number over ${MAX_SEQ}`)
  if (!MIME.test(head.mimeType)) return refuse(415, 'audio/webm or audio/mp4 only')
  if (head.declaredBytes !== undefined) {
    if (!Number.isFinite(head.declaredBytes) || head.declaredBytes < 0)
      return refuse(400, 'bad content-length')
    if (head.declaredBytes > limits.chunkBytes)
      return refuse(413, `chunk over ${limits.chunkBytes} bytes`)
    if (head.declaredBytes === 0) return refuse(400, 'empty chunk')
  }
  if (seq === 0 && (head.startedAt === null || !Number.isFinite(head.startedAt)))
    return refuse(400, 'the first chunk needs X-Started-At (server ms of the first sample)')
  return { seq }
}

const isOver = (row: SessionRow, now: number, limits: UploadLimits) =>
  row.endedAt !== null && now > row.endedAt + limits.afterEndGraceMs

/**
 * Everything the headers decide, before the body is read: shape, size, the address's rate, the
 * token (observers have no audio), the participant's rate, the session not over, the track the
 * sender's own, consent and recording decided by the server, the byte budgets, uploads in flight.
 */
export async function admitChunk(
  deps: ChunkDeps,
  gate: UploadGate,
  head: ChunkHead,
  now = Date.now(),
): Promise<Refusal | ChunkTicket | AlreadyStored> {
  const { store, limits } = deps
  const shape = checkHead(head, limits)
  if ('status' in shape) return shape
  const { seq } = shape
  if (head.address && !(await deps.admit('address', head.address))) return tooMany
  let who: ConnectionContext
  try {
    who = await deps.authenticate({
      documentName: controlDocName(head.sessionId),
      token: head.token,
    })
  } catch (err) {
    return refuse(401, err instanceof CloseError ? err.message : 'unauthorized')
  }
  if (!(await deps.admit('participant', who.participantId))) return tooMany
  if (!canSpeak(who.role)) return refuse(403, 'observers are never recorded')
  const track = await store.recordings.track(head.trackId)
  if (track && (track.participantId !== who.participantId || track.sessionId !== head.sessionId))
    return refuse(403, 'that track is not yours')
  // a repeat (resumed after a reload or a lost answer) is a no-op, even once recording is over;
  // a finished track's file holds its chunks, which are no longer kept one by one
  if (track?.finalizedAt != null)
    return seq <= track.lastSeq ? { repeat: true, seq } : refuse(409, 'that track is finished')
  if (track && (await store.recordings.hasChunk(track.trackId, seq))) return { repeat: true, seq }
  const row = await store.sessions.get(head.sessionId)
  if (!row) return refuse(404, 'unknown session')
  if (isOver(row, now, limits)) return refuse(409, 'the interview has ended')
  const decision = await deps.decide(head.sessionId)
  const requestId = track?.requestId ?? decision.view.requestId
  if (!requestId || (track && track.requestId !== decision.view.requestId))
    return refuse(409, 'recording is not running')
  const receipts = await store.recordings.consents(requestId)
  const allowed = receipts.some(
    (r) => r.participantId === who.participantId && r.answer === 'allow',
  )
  if (!allowed) return refuse(403, 'you have not allowed recording')
  if (!mayStoreChunk(decision, who.participantId, now, limits.afterEndGraceMs, allowed))
    return refuse(409, 'recording is not running')
  const trackBytes = track?.bytes ?? 0
  if (trackBytes >= limits.trackBytes) return refuse(413, `track over ${limits.trackBytes} bytes`)
  const sessionBytes = await store.recordings.sessionBytes(head.sessionId)
  if (sessionBytes >= limits.sessionBytes)
    return refuse(413, `session audio over ${limits.sessionBytes} bytes`)
  const done = gate.enter(who.participantId)
  if (!done) return refuse(429, 'another upload of yours is still running; send one at a time')
  // the start comes from the client: inside the session's span and not ahead of the server
  const claimed = head.startedAt ?? now
  const startedAt = track?.startedAt ?? Math.min(Math.max(claimed, row.createdAt), now)
  return {
    who,
    sessionId: head.sessionId,
    trackId: head.trackId,
    seq,
    mimeType: head.mimeType,
    requestId,
    startedAt,
    maxBytes: Math.min(
      limits.chunkBytes,
      limits.trackBytes - trackBytes,
      limits.sessionBytes - sessionBytes,
    ),
    done,
  }
}

/** Stores an admitted chunk's body durably; the answer is sent only after the commit. */
export async function storeChunk(
  store: Store,
  ticket: ChunkTicket,
  data: Uint8Array,
  now = Date.now(),
): Promise<{ status: number; body: object }> {
  if (data.length === 0) return refuse(400, 'empty chunk')
  const result = await store.recordings.putChunk({
    trackId: ticket.trackId,
    sessionId: ticket.sessionId,
    requestId: ticket.requestId,
    participantId: ticket.who.participantId,
    name: ticket.who.name,
    role: ticket.who.role,
    mimeType: ticket.mimeType,
    startedAt: ticket.startedAt,
    seq: ticket.seq,
    data,
    now,
  })
  if ('conflict' in result)
    return result.conflict === 'owner'
      ? refuse(403, 'that track is not yours')
      : refuse(409, 'that track is finished')
  return { status: 200, body: { seq: ticket.seq, stored: result.stored } }
}
