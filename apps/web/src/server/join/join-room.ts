import { roleInRound, type Role } from '@mockroom/access'
import {
  createCapability,
  createId,
  hashCapability,
  openCapability,
  signSessionToken,
} from '@mockroom/access/server'
import { getQuestion, getTemplate, questions, templates } from '@mockroom/questions'
import type { JoinResponse, WaitingResponse } from '../../contract/join'
import { checkAdmission, REMOVED_REASON } from './admission'
import { lookupLink } from './describe-link'
import { HttpError } from '../http/http-error'
import { proveParticipant } from './participant-identity'
import type { ServerContext } from '../server-context'

/**
 * Exchanges a capability for a short-lived session token for the room's current round. A
 * participantId proven by its key, of the same room and link, keeps its identity (reloads, token
 * refresh, rounds); anything else is a new person, admitted only if `checkAdmission` says so.
 */
export async function joinRoom(
  ctx: ServerContext,
  input: {
    capability: string
    name: string
    participantId?: string | undefined
    participantKey?: string | undefined
  },
  urls: { origin: string; syncUrl: string },
): Promise<JoinResponse | WaitingResponse> {
  const link = await lookupLink(ctx.store, input.capability)
  const question = link ? getQuestion(link.questionId) : undefined
  if (!link || !question) throw new HttpError(404, 'this link is not valid')
  const known = await proveParticipant(ctx.store, input)
  if (known?.removedAt != null) throw new HttpError(403, REMOVED_REASON)
  const returning = known && known.roomId === link.roomId && known.role === link.role ? known : null
  const admission = await checkAdmission(ctx.store, link, returning)
  if (!admission.ok) throw new HttpError(admission.status, admission.reason)
  const participantId = returning?.id ?? createId()
  const participantKey = returning ? undefined : createCapability()
  const now = Date.now()
  // participants keep their link's role; the round decides what that role is now. A waiting
  // newcomer is stored too, so the interviewer sees their name and can let them in.
  await ctx.store.rooms.upsertParticipant(
    {
      id: participantId,
      roomId: link.roomId,
      name: input.name,
      role: link.role,
      admission: admission.waiting ? 'waiting' : 'admitted',
    },
    now,
  )
  if (participantKey)
    await ctx.store.members.setKeyHash(participantId, hashCapability(participantKey))
  if (admission.waiting) {
    return {
      waiting: true,
      participantId,
      ...(participantKey ? { participantKey } : {}),
      name: input.name,
      roomId: link.roomId,
    }
  }
  const role = roleInRound(link.role, link.swapped)
  await ctx.store.members.recordMember({ sessionId: link.sessionId, participantId, role }, now)
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
    ...(participantKey ? { participantKey } : {}),
    name: input.name,
    question: interviewer ? question : null,
    template: interviewer ? getTemplate(question.type) : null,
    ...(interviewer
      ? {
          bank: { questions: [...questions], templates },
          links: await inviteLinks(ctx, link.roomId, link.role, link.swapped, urls.origin),
        }
      : {}),
  }
}

/**
 * The links an interviewer may hand out, keyed by their role in this round. The room's creator
 * (the interviewer link) made every link; whoever interviews on the candidate link after a swap
 * gets their own link and the observer link, never the link that was round 1's interviewer.
 */
export async function inviteLinks(
  ctx: ServerContext,
  roomId: string,
  ownLinkRole: Role,
  swapped: boolean,
  origin: string,
): Promise<Partial<Record<Role, string>>> {
  const sealed = await ctx.store.rooms.sealedLinks(roomId)
  const shown = sealed.filter(
    (l) => ownLinkRole === 'interviewer' || l.role === ownLinkRole || l.role === 'observer',
  )
  const entries = shown.flatMap((l) => {
    const cap = openCapability(l.sealedCapability, ctx.secret)
    return cap ? [[roleInRound(l.role, swapped), `${origin}/join/${cap}`] as const] : []
  })
  return Object.fromEntries(entries)
}
