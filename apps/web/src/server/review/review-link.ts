import type { Store } from '@mockroom/store'
import { lookupLink } from '../join/describe-link'

/**
 * Where `/review/<link>` leads: the review of the link's current round, or null for an unknown
 * link and for one retired by "New links" (the page answers 404; people already in the room
 * keep their reviews through /sessions, where their browser proves who they are).
 */
export async function currentReviewPath(store: Store, capability: string): Promise<string | null> {
  const link = await lookupLink(store, capability)
  if (!link || link.revokedAt != null) return null
  return `/review/${encodeURIComponent(capability)}/${encodeURIComponent(link.sessionId)}`
}
