import type { Role } from '@mockroom/access'
import { hashCapability, isWellFormedCapability } from '@mockroom/access/server'
import { getQuestion, withoutHints, type Question } from '@mockroom/questions'
import type { LinkInfo } from '@mockroom/store'
import { serverContext } from './server-context'

export interface LinkDescription {
  role: Role
  roomId: string
  question: Question
}

/** The link's stored row, or null for an unknown or malformed capability. */
export async function findLink(capability: string): Promise<LinkInfo | null> {
  if (!isWellFormedCapability(capability)) return null
  const { store } = await serverContext()
  return store.rooms.findLink(hashCapability(capability))
}

export async function describeLink(capability: string): Promise<LinkDescription | null> {
  const link = await findLink(capability)
  const question = link ? getQuestion(link.questionId) : undefined
  if (!link || !question) return null
  // the lobby is public to whoever holds the link: no interviewer hints here
  return { role: link.role, roomId: link.roomId, question: withoutHints(question) }
}
