import type { Role } from '@mockroom/access'
import { createId, openCapability, signSessionToken } from '@mockroom/access/server'
import {
  getQuestion,
  getTemplate,
  withoutHints,
  type AnswerTemplate,
  type Question,
} from '@mockroom/questions'
import { linksFor } from './create-room'
import { findLink } from './describe-link'
import { HttpError } from './http-json'
import type { ServerContext } from './server-context'

export interface JoinResult {
  token: string
  expiresAt: number
  syncUrl: string
  role: Role
  roomId: string
  sessionId: string
  participantId: string
  name: string
  question: Question
  template: AnswerTemplate
  /** only for the interviewer: the invite links of every role */
  links?: Record<Role, string>
}

/**
 * Exchanges a capability for a short-lived session token. A known participantId of the same room
 * and role keeps its identity (reloads, token refresh); anything else gets a fresh id.
 */
export async function joinRoom(
  ctx: ServerContext,
  input: { capability: string; name: string; participantId?: string | undefined },
  urls: { origin: string; syncUrl: string },
): Promise<JoinResult> {
  const link = await findLink(input.capability)
  if (!link) throw new HttpError(404, 'this link is not valid')
  const question = getQuestion(link.questionId)
  if (!question) throw new HttpError(404, 'this link is not valid')
  const known = input.participantId
    ? await ctx.store.rooms.findParticipant(input.participantId)
    : null
  const participantId =
    known && known.roomId === link.roomId && known.role === link.role ? known.id : createId()
  const now = Date.now()
  await ctx.store.rooms.upsertParticipant(
    { id: participantId, roomId: link.roomId, name: input.name, role: link.role },
    now,
  )
  const ttl = ctx.env.SESSION_TTL_SECONDS
  const token = await signSessionToken(
    {
      roomId: link.roomId,
      sessionId: link.sessionId,
      participantId,
      role: link.role,
      name: input.name,
    },
    ctx.secret,
    ttl,
    now,
  )
  return {
    token,
    expiresAt: now + ttl * 1000,
    syncUrl: urls.syncUrl,
    role: link.role,
    roomId: link.roomId,
    sessionId: link.sessionId,
    participantId,
    name: input.name,
    // interviewer hints never reach the candidate's or observer's browser
    question: link.role === 'interviewer' ? question : withoutHints(question),
    template: getTemplate(question.type),
    ...(link.role === 'interviewer'
      ? { links: await inviteLinks(ctx, link.roomId, urls.origin) }
      : {}),
  }
}

async function inviteLinks(ctx: ServerContext, roomId: string, origin: string) {
  const sealed = await ctx.store.rooms.sealedLinks(roomId)
  const caps = Object.fromEntries(
    sealed.map((l) => [l.role, openCapability(l.sealedCapability, ctx.secret) ?? '']),
  ) as Record<Role, string>
  return linksFor(caps, origin)
}
