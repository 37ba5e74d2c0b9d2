import { roleInRound, type Role } from '@mockroom/access'
import { createId, openCapability, signSessionToken } from '@mockroom/access/server'
import {
  getQuestion,
  getTemplate,
  questions,
  templates,
  type AnswerTemplate,
  type Question,
  type QuestionType,
} from '@mockroom/questions'
import { linksFor } from './create-room'
import { findLink } from './describe-link'
import { HttpError } from './http-json'
import type { ServerContext } from './server-context'

export interface JoinResult {
  token: string
  expiresAt: number
  /** server clock at response time (ms), so every browser shows the same countdown */
  serverNow: number
  syncUrl: string
  /** the role in the room's current round (interviewer and candidate swap in round 2) */
  role: Role
  roomId: string
  sessionId: string
  round: number
  mode: 'interview' | 'practice'
  participantId: string
  name: string
  /** interviewer only: the chosen question with hints; others learn it when it is revealed */
  question: Question | null
  template: AnswerTemplate | null
  /** interviewer only: the bank (with hints) for choosing or changing the question */
  bank?: {
    questions: ReadonlyArray<Question>
    templates: Readonly<Record<QuestionType, AnswerTemplate>>
  }
  /** interviewer only: the invite links of every role */
  links?: Record<Role, string>
}

/**
 * Exchanges a capability for a short-lived session token for the room's current round. A known
 * participantId of the same room and link keeps its identity (reloads, token refresh, rounds);
 * anything else gets a fresh id. A participant the interviewer removed is refused.
 */
export async function joinRoom(
  ctx: ServerContext,
  input: { capability: string; name: string; participantId?: string | undefined },
  urls: { origin: string; syncUrl: string },
): Promise<JoinResult> {
  const link = await findLink(input.capability)
  const question = link ? getQuestion(link.questionId) : undefined
  if (!link || !question) throw new HttpError(404, 'this link is not valid')
  const known = input.participantId
    ? await ctx.store.rooms.findParticipant(input.participantId)
    : null
  if (known?.removedAt != null) throw new HttpError(403, 'you were removed from this room')
  const participantId =
    known && known.roomId === link.roomId && known.role === link.role ? known.id : createId()
  const now = Date.now()
  // participants keep their link's role; the round decides what that role is now
  await ctx.store.rooms.upsertParticipant(
    { id: participantId, roomId: link.roomId, name: input.name, role: link.role },
    now,
  )
  const role = roleInRound(link.role, link.swapped)
  const ttl = ctx.env.SESSION_TTL_SECONDS
  const token = await signSessionToken(
    { roomId: link.roomId, sessionId: link.sessionId, participantId, role, name: input.name },
    ctx.secret,
    ttl,
    now,
  )
  const interviewer = role === 'interviewer'
  return {
    token,
    expiresAt: now + ttl * 1000,
    serverNow: Date.now(),
    syncUrl: urls.syncUrl,
    role,
    roomId: link.roomId,
    sessionId: link.sessionId,
    round: link.round,
    mode: link.mode,
    participantId,
    name: input.name,
    question: interviewer ? question : null,
    template: interviewer ? getTemplate(question.type) : null,
    ...(interviewer
      ? { bank: { questions, templates }, links: await inviteLinks(ctx, link.roomId, urls.origin) }
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
