import { canSpeak } from '@mockroom/access'
import { controlDocName, CloseError } from '@mockroom/protocol'
import { type TranscriptSegment } from '@mockroom/session-model'
import type { Transcriber } from '../session/transcriber'
import type { ConnectionContext } from '../core/connection-context'
import type { AuthenticatePayload } from './authenticate'

export const MAX_AUDIO_BYTES = 10 * 1024 * 1024

export interface AudioUpload {
  sessionId: string
  token: string | null
  mimeType: string
  /** server time (ms) at which the audio starts */
  startedAt: number
  audio: Uint8Array
  /** the client's address, for rate limits */
  address?: string
}

export interface AudioDeps {
  transcriber: Transcriber | undefined
  authenticate(payload: AuthenticatePayload): Promise<ConnectionContext>
  append(sessionId: string, author: string, segments: TranscriptSegment[]): Promise<void>
  /** rate limits: false when this address or participant sent too many uploads lately */
  admit(kind: 'address' | 'participant', key: string): Promise<boolean>
}

const tooMany = { status: 429, body: { error: 'too many uploads; try again in a minute' } }

/**
 * Server-side transcription: the same token and roles as the sockets (a participant sends their
 * own audio; observers have none), the deployment's engine, then the transcript as that speaker.
 */
export async function transcribeUpload(
  deps: AudioDeps,
  up: AudioUpload,
): Promise<{ status: number; body: object }> {
  if (!deps.transcriber)
    return { status: 503, body: { error: 'no transcriber is configured (TRANSCRIBER_URL)' } }
  if (up.address && !(await deps.admit('address', up.address))) return tooMany
  let who: ConnectionContext
  try {
    who = await deps.authenticate({ documentName: controlDocName(up.sessionId), token: up.token })
  } catch (err) {
    return {
      status: 401,
      body: { error: err instanceof CloseError ? err.message : 'unauthorized' },
    }
  }
  if (!(await deps.admit('participant', who.participantId))) return tooMany
  if (!canSpeak(who.role))
    return { status: 403, body: { error: 'observers have no audio to transcribe' } }
  if (up.audio.length === 0) return { status: 400, body: { error: 'empty audio' } }
  const speaker = { participantId: who.participantId, name: who.name, role: who.role }
  // the start time comes from the client: keep it within the last 6 h and not ahead of the server
  const now = Date.now()
  const startedAt = Math.min(Math.max(up.startedAt, now - 6 * 3_600_000), now)
  const found = await deps.transcriber.transcribe({
    audio: up.audio,
    mimeType: up.mimeType,
    sessionId: up.sessionId,
    speaker,
  })
  const segments: TranscriptSegment[] = found.map((s) => ({
    speakerId: who.participantId,
    name: who.name,
    role: who.role,
    startMs: startedAt + s.offsetMs,
    endMs: startedAt + s.offsetMs + s.durationMs,
    text: s.text,
    source: 'server',
  }))
  if (segments.length > 0) await deps.append(up.sessionId, who.participantId, segments)
  return { status: 200, body: { segments: segments.length } }
}
