import { identityStorage } from '../../lib/identity-storage'

/**
 * A recorded track's URL under the review route. The proof goes in the query string: an <audio>
 * element and a download link cannot send the headers the review's fetches send.
 */
export function audioUrl(
  capability: string,
  sessionId: string,
  trackId: string,
  download = false,
): string {
  const proof = identityStorage.proofHeaders(capability)
  const q = new URLSearchParams()
  if (proof['x-participant-id']) q.set('pid', proof['x-participant-id'])
  if (proof['x-participant-key']) q.set('pkey', proof['x-participant-key'])
  if (download) q.set('download', '1')
  const query = q.toString()
  return `/api/review/${encodeURIComponent(capability)}/${encodeURIComponent(sessionId)}/audio/${encodeURIComponent(trackId)}${query ? `?${query}` : ''}`
}

/** Deletes the proven person's own audio of a round; the number of tracks deleted. */
export async function deleteMyAudio(capability: string, sessionId: string): Promise<number> {
  const res = await fetch(
    `/api/review/${encodeURIComponent(capability)}/${encodeURIComponent(sessionId)}/audio`,
    { method: 'DELETE', headers: identityStorage.proofHeaders(capability) },
  )
  const body = (await res.json().catch(() => ({}))) as { deleted?: number; error?: string }
  if (!res.ok) throw new Error(body.error ?? 'Your audio could not be deleted.')
  return body.deleted ?? 0
}
