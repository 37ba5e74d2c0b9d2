import { roleInRound, type Role } from '@mockroom/access'
import { hashCapability, isWellFormedCapability } from '@mockroom/access/server'
import { resolveQuestion, withoutHints, type Question } from '@mockroom/questions'
import type { LinkInfo, Store } from '@mockroom/store'
import { serverContext } from '../server-context'

export interface LinkDescription {
  /** the link's role in the room's current round */
  role: Role
  roomId: string
  /** the room's current round and its state: the lobby says what the link opens now */
  round: number
  status: 'lobby' | 'live' | 'ended'
  /** only for the interviewer: the others learn the question when it is revealed */
  question: Question | null
}

/** The link's stored row, or null for an unknown or malformed capability. */
export function lookupLink(store: Store, capability: string): Promise<LinkInfo | null> {
  if (!isWellFormedCapability(capability)) return Promise.resolve(null)
  return store.rooms.findLink(hashCapability(capability))
}

export async function findLink(capability: string): Promise<LinkInfo | null> {
  return lookupLink((await serverContext()).store, capability)
}

export async function describeLink(capability: string): Promise<LinkDescription | null> {
  const { store } = await serverContext()
  const link = await lookupLink(store, capability)
  const question = link && (await resolveQuestion(link.questionId, store.questionSets))?.question
  // a link replaced by "New links" is not valid for anyone opening it fresh
  if (!link || !question || link.revokedAt != null) return null
  const role = roleInRound(link.role, link.swapped)
  // the lobby is public to whoever holds the link: never hints, and no question before the reveal
  return {
    role,
    roomId: link.roomId,
    round: link.round,
    status: link.status,
    question: role === 'interviewer' ? withoutHints(question) : null,
  }
}
