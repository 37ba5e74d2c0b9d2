import { hashCapability } from '@mockroom/access/server'
import type { ParticipantRow, Store } from '@mockroom/store'

/** A participant id with the key handed out when that id was created (kept in the browser). */
export interface ParticipantProof {
  participantId?: string | null | undefined
  participantKey?: string | null | undefined
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{32}$/

/**
 * The participant row, if the key proves the id. Participant ids are not secret (the people list
 * and reviews show them), so an id alone never keeps an identity, a seat or a round's private data.
 */
export async function proveParticipant(
  store: Store,
  proof: ParticipantProof,
): Promise<ParticipantRow | null> {
  const { participantId: id, participantKey: key } = proof
  if (!id || !key || !KEY_PATTERN.test(key)) return null
  const [row, stored] = await Promise.all([
    store.rooms.findParticipant(id),
    store.members.keyHash(id),
  ])
  return row && stored !== null && stored === hashCapability(key) ? row : null
}

/** The proof a review request carries in its headers (the room's fetches send the same pair). */
export function proofFromHeaders(request: Request): ParticipantProof {
  return {
    participantId: request.headers.get('x-participant-id'),
    participantKey: request.headers.get('x-participant-key'),
  }
}
