import { canSpeak } from '@mockroom/access'
import { controlDocName, CloseError } from '@mockroom/protocol'
import { type TranscriptSegment } from '@mockroom/session-model'
import type { SessionRow } from '@mockroom/store'
import type { Transcriber } from '../session/transcriber'
import type { ConnectionContext } from '../core/connection-context'
import type { AuthenticatePayload } from './authenticate'

export const MAX_AUDIO_BYTES = 10 * 1024 * 1024

/** What bounds uploads besides the rate limits (docs/operations.md, "Limits"). */
export interface UploadLimits {
  /** a body still arriving after this long is refused with 408 (a slow sender holds a buffer) */
  bodyTimeoutMs: number
  /** uploads of one participant read or transcribed at once */
  inFlightPerParticipant: number
  /** audio bytes held by all uploads of this server at once */
  inFlightBytes: number
  /** after End, chunks recorded before it still count for this long */
  afterEndGraceMs: number
}

export const defaultUploadLimits: UploadLimits = {
  bodyTimeoutMs: 20_000,
  inFlightPerParticipant: 2,
  inFlightBytes: 64 * 1024 * 1024,
  afterEndGraceMs: 30_000,
}

/** An upload as its headers describe it: everything checked before a byte of the body is read. */
export interface UploadHead {
  sessionId: string
  token: string | null
  mimeType: string
  /** server time (ms) at which the audio starts, as the client claims it */
  startedAt: number
  /** the declared Content-Length, if any */
  declaredBytes?: number
  /** the client's address, for rate limits */
  address?: string
}

export interface AudioDeps {
  transcriber: Transcriber | undefined
  authenticate(payload: AuthenticatePayload): Promise<ConnectionContext>
  /** appends the lines as `who`; a reason instead when they are over the person's budget */
  append(
    sessionId: string,
    who: { participantId: string; role: string },
    segments: TranscriptSegment[],
  ): Promise<string | void>
  /** rate limits: false when this address or participant sent too many uploads lately */
  admit(kind: 'address' | 'participant', key: string): Promise<boolean>
  /** the session's row: its span and whether it ended */
  session(sessionId: string): Promise<SessionRow | null>
  limits: UploadLimits
}

export interface Refusal {
  status: number
  body: { error: string }
}

/** An admitted upload: its body may be read now, and `done()` must be called once it is over. */
export interface UploadTicket {
  who: ConnectionContext
  sessionId: string
  mimeType: string
  /** the start time, kept inside the session's span */
  startedAt: number
  done(): void
}

const refuse = (status: number, error: string): Refusal => ({ status, body: { error } })
const tooMany = refuse(429, 'too many uploads; try again in a minute')

/**
 * Upload bookkeeping for one server: uploads in flight per participant and the audio bytes held.
 * Both are counted here, in memory: an upload lives on the instance that reads it.
 */
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

/**
 * Everything the headers decide, before the body is read: an engine exists, the declared size,
 * the address's rate, the token (the same token and roles as the sockets; observers have no
 * audio), the participant's rate and uploads in flight, and the session not over.
 */
export async function admitUpload(
  deps: AudioDeps,
  gate: UploadGate,
  head: UploadHead,
): Promise<Refusal | UploadTicket> {
  if (!deps.transcriber) return refuse(503, 'no transcriber is configured (TRANSCRIBER_URL)')
  if (head.declaredBytes !== undefined && head.declaredBytes > MAX_AUDIO_BYTES)
    return refuse(413, `audio over ${MAX_AUDIO_BYTES} bytes`)
  if (head.declaredBytes === 0) return refuse(400, 'empty audio')
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
  if (!canSpeak(who.role)) return refuse(403, 'observers have no audio to transcribe')
  const row = await deps.session(head.sessionId)
  if (!row) return refuse(404, 'unknown session')
  const now = Date.now()
  if (isOver(row, now, deps.limits)) return refuse(409, 'the interview has ended')
  // the start time comes from the client: inside the session's span and not ahead of the server
  const startedAt = Math.min(Math.max(head.startedAt, row.createdAt), spanEnd(row, now))
  const done = gate.enter(who.participantId)
  if (!done) return refuse(429, 'another upload of yours is still running; send one at a time')
  return { who, sessionId: head.sessionId, mimeType: head.mimeType, startedAt, done }
}

// after End, a chunk recorded before it may still be on its way for a short grace
const isOver = (row: SessionRow, now: number, limits: UploadLimits) =>
  row.endedAt !== null && now > row.endedAt + limits.afterEndGraceMs

const spanEnd = (row: SessionRow, now: number) => Math.min(now, row.endedAt ?? now)

/** Server-side transcription of an admitted upload's audio, appended as that speaker. */
export async function transcribeUpload(
  deps: AudioDeps,
  ticket: UploadTicket,
  audio: Uint8Array,
): Promise<{ status: number; body: object }> {
  if (!deps.transcriber) return refuse(503, 'no transcriber is configured (TRANSCRIBER_URL)')
  if (audio.length === 0) return refuse(400, 'empty audio')
  const { who, startedAt } = ticket
  const speaker = { participantId: who.participantId, name: who.name, role: who.role }
  const found = await deps.transcriber.transcribe({
    audio,
    mimeType: ticket.mimeType,
    sessionId: ticket.sessionId,
    speaker,
  })
  // the session may have ended while the engine worked: checked again, lines end by its End
  const row = await deps.session(ticket.sessionId)
  if (!row || isOver(row, Date.now(), deps.limits)) return refuse(409, 'the interview has ended')
  const limit = row.endedAt ?? Infinity
  const segments: TranscriptSegment[] = found.map((s) => {
    const startMs = Math.min(startedAt + s.offsetMs, limit)
    return {
      speakerId: who.participantId,
      name: who.name,
      role: who.role,
      startMs,
      endMs: Math.min(Math.max(startMs + s.durationMs, startMs), limit),
      text: s.text,
      source: 'server',
    }
  })
  if (segments.length > 0) {
    const refused = await deps.append(ticket.sessionId, who, segments)
    if (refused) return refuse(413, refused)
  }
  return { status: 200, body: { segments: segments.length } }
}
