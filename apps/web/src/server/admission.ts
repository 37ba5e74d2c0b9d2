import { roleInRound } from '@mockroom/access'
import type { LinkInfo, ParticipantRow, Store } from '@mockroom/store'

export type Admission = { ok: true } | { ok: false; status: 403 | 409; reason: string }

export const REMOVED_REASON = 'you were removed from this room'

/**
 * Whether a link lets this person in to the room's current round. The one place that decides it:
 * the join, the review and (later) a waiting room ask here. `returning` is the proven participant
 * of this room and link, or null for someone new (a fresh browser, a forgotten identity).
 */
export async function checkAdmission(
  store: Store,
  link: LinkInfo,
  returning: ParticipantRow | null,
): Promise<Admission> {
  if (returning) {
    return returning.removedAt == null ? { ok: true } : refusal(403, REMOVED_REASON)
  }
  // the observer link is shared by many people; the two seats belong to whoever took them
  if (link.role === 'observer') return { ok: true }
  const holders = (await store.rooms.listParticipants(link.roomId)).filter(
    (p) => p.role === link.role,
  )
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
  return { ok: true }
}

function refusal(status: 403 | 409, reason: string): Admission {
  return { ok: false, status, reason }
}
