import { roleInRound } from '@mockroom/access'
import type { LinkInfo, ParticipantRow, Store } from '@mockroom/store'

/** `waiting`: let in only once the interviewer admits them (no token, no call pass until then) */
export type Admission =
  { ok: true; waiting: boolean } | { ok: false; status: 403 | 404 | 409; reason: string }

export const REMOVED_REASON = 'you were removed from this room'
export const TURNED_AWAY_REASON = 'the interviewer did not let you in'
export const INVALID_LINK_REASON = 'this link is not valid'

/**
 * Whether a link lets this person in to the room's current round. The one place that decides it:
 * the join, the review and the waiting room ask here. `returning` is the proven participant
 * of this room and link, or null for someone new (a fresh browser, a forgotten identity).
 */
export async function checkAdmission(
  store: Store,
  link: LinkInfo,
  returning: ParticipantRow | null,
): Promise<Admission> {
  if (returning) {
    if (returning.removedAt != null) return refusal(403, REMOVED_REASON)
    if (returning.admission === 'turned-away') return refusal(403, TURNED_AWAY_REASON)
    return { ok: true, waiting: returning.admission === 'waiting' }
  }
  // "New links" revoked it: only people already in the room may still use it
  if (link.revokedAt != null) return refusal(404, INVALID_LINK_REASON)
  const everyone = await store.rooms.listParticipants(link.roomId)
  const holders = everyone.filter((p) => p.role === link.role)
  // Once the interview runs, or once someone was removed (who may come back in a fresh
  // browser), a newcomer waits until the interviewer lets them in.
  const waiting = link.status !== 'lobby' || everyone.some((p) => p.removedAt != null)
  // the observer link is shared by many people; the two seats belong to whoever took them
  if (link.role === 'observer') return { ok: true, waiting }
  if (holders.length > 0 && holders.every((p) => p.removedAt != null))
    return refusal(403, REMOVED_REASON)
  // After a swap the candidate link is the interviewer's seat; the previous interviewer received
  // that link in round 1, so a newcomer on it must not take the seat (and its private notes).
  const seat = roleInRound(link.role, link.swapped)
  if (seat === 'interviewer' && link.round > 1 && holders.some((p) => p.removedAt == null))
    return refusal(
      409,
      'this link is already in use by the person interviewing this round: open it in the browser you used before',
    )
  return { ok: true, waiting }
}

function refusal(status: 403 | 404 | 409, reason: string): Admission {
  return { ok: false, status, reason }
}
