import type { Store } from '@mockroom/store'
import { HttpError } from '../http/http-error'
import type { ParticipantProof } from '../join/participant-identity'
import { reviewAccess } from './review-records'

/**
 * The proof of an audio request: the review's headers, or the query string for an <audio>
 * element and a download link, which cannot send headers (the capability is in the path anyway).
 */
export function audioProof(request: Request): ParticipantProof {
  const q = new URL(request.url).searchParams
  return {
    participantId: request.headers.get('x-participant-id') ?? q.get('pid'),
    participantKey: request.headers.get('x-participant-key') ?? q.get('pkey'),
  }
}

/** One byte range of `size` from a Range header (a single range; suffix and open ranges too). */
export function parseRange(
  header: string | null,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m || (m[1] === '' && m[2] === '')) return null
  let start: number
  let end: number
  if (m[1] === '') {
    // the last N bytes
    start = Math.max(size - Number(m[2]), 0)
    end = size - 1
  } else {
    start = Number(m[1])
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  }
  if (start >= size || start > end) return 'unsatisfiable'
  return { start, end }
}

/**
 * A finished track's file under the review's own access rule (the record's): 404 for a link
 * that may not see that round or a track of another round. Ranges let the player seek.
 */
export async function audioResponse(
  store: Store,
  request: Request,
  params: { capability: string; sessionId: string; trackId: string },
): Promise<Response> {
  const access = await reviewAccess(store, params.capability, params.sessionId, audioProof(request))
  if (!access) throw new HttpError(404, 'this review link is not valid')
  const audio = await store.recordings.trackAudio(params.trackId)
  if (!audio || audio.sessionId !== params.sessionId)
    throw new HttpError(404, 'no such recording in this session')
  const size = audio.bytes.byteLength
  const download = new URL(request.url).searchParams.has('download')
  const ext = audio.mimeType.startsWith('audio/mp4') ? 'm4a' : 'webm'
  const headers: Record<string, string> = {
    'content-type': audio.mimeType,
    'accept-ranges': 'bytes',
    'cache-control': 'private, no-store',
    ...(download
      ? {
          'content-disposition': `attachment; filename="${safeName(audio.name)}-${audio.trackId.slice(0, 8)}.${ext}"`,
        }
      : {}),
  }
  const range = parseRange(request.headers.get('range'), size)
  if (range === 'unsatisfiable')
    return new Response(null, {
      status: 416,
      headers: { ...headers, 'content-range': `bytes */${size}` },
    })
  if (!range)
    return new Response(audio.bytes as BodyInit, {
      status: 200,
      headers: { ...headers, 'content-length': String(size) },
    })
  const part = audio.bytes.subarray(range.start, range.end + 1)
  return new Response(part as BodyInit, {
    status: 206,
    headers: {
      ...headers,
      'content-length': String(part.byteLength),
      'content-range': `bytes ${range.start}-${range.end}/${size}`,
    },
  })
}

const safeName = (name: string) => name.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40) || 'audio'

/**
 * Deletes the proven person's own audio of a round: their tracks, chunks and files, and the
 * server transcript lines made from them. Nobody else's audio, whatever their role.
 */
export async function deleteOwnAudio(
  store: Store,
  request: Request,
  params: { capability: string; sessionId: string },
): Promise<{ deleted: number }> {
  const access = await reviewAccess(store, params.capability, params.sessionId, audioProof(request))
  if (!access) throw new HttpError(404, 'this review link is not valid')
  if (!access.participantId)
    throw new HttpError(403, 'open the review in the browser you joined with to delete your audio')
  const mine = (await store.recordings.tracksForSession(params.sessionId)).filter(
    (t) => t.participantId === access.participantId,
  )
  for (const t of mine) {
    await store.transcription.deleteForTrack(t.trackId)
    await store.recordings.deleteTrack(t.trackId)
  }
  return { deleted: mine.length }
}
