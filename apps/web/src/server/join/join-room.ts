import { roleInRound, type Role } from '@mockroom/access'
import {
  createCapability,
  createId,
  hashCapability,
  openCapability,
  signSessionToken,
} from '@mockroom/access/server'
import {
  isVersionId,
  questionOfDraft,
  questions,
  resolveQuestion,
  templates,
  type Question,
} from '@mockroom/questions'
import type { ParticipantRow } from '@mockroom/store'
import type { JoinResponse, WaitingResponse } from '../../contract/join'
import { checkAdmission, REMOVED_REASON } from './admission'
import { lookupLink } from './describe-link'
import { HttpError } from '../http/http-error'
import { proveParticipant } from './participant-identity'
import { MAX_WAITING_PER_ROOM } from '../http/http-limits'
import { setDrafts } from '../question-sets/question-set-service'
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
  urls: { origin: string; syncUrl: string; address?: string },
): Promise<JoinResponse | WaitingResponse> {
  const link = await lookupLink(ctx.store, input.capability)
  const resolved = link && (await resolveQuestion(link.questionId, ctx.store.questionSets))
  if (!link || !resolved) throw new HttpError(404, 'this link is not valid')
  const { question, template } = resolved
  const known = await proveParticipant(ctx.store, input)
  if (known?.removedAt != null) throw new HttpError(403, REMOVED_REASON)
  const returning = known && known.roomId === link.roomId && known.role === link.role ? known : null
  const admission = await checkAdmission(ctx.store, link, returning)
  if (!admission.ok) throw new HttpError(admission.status, admission.reason)
  if (admission.waiting && !returning) await makeRoomToWait(ctx, link.roomId, urls.address)
  const name = returning && (await nameIsFixed(ctx, link, returning)) ? returning.name : input.name
  const participantId = returning?.id ?? createId()
  const participantKey = returning ? undefined : createCapability()
  const now = Date.now()
  // participants keep their link's role; the round decides what that role is now. A waiting
  // newcomer is stored too, so the interviewer sees their name and can let them in.
  await ctx.store.rooms.upsertParticipant(
    {
      id: participantId,
      roomId: link.roomId,
      name,
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
      name,
      roomId: link.roomId,
    }
  }
  const role = roleInRound(link.role, link.swapped)
  await ctx.store.members.recordMember({ sessionId: link.sessionId, participantId, role }, now)
  const ttl = ctx.env.SESSION_TTL_SECONDS
  const token = await signSessionToken(
    { roomId: link.roomId, sessionId: link.sessionId, participantId, role, name },
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
    name,
    question: interviewer ? question : null,
    template: interviewer ? template : null,
    ...(interviewer
      ? {
          // a coach's question brings its set's questions into the bank it may switch to (the
          // sync server allows the same set, and no other)
          bank: { questions: [...(await setQuestionsOf(ctx, question)), ...questions], templates },
          links: await inviteLinks(ctx, link.roomId, link.role, link.swapped, urls.origin),
        }
      : {}),
  }
}

/**
 * The questions of the set a coach's question belongs to, as they are now (current versions, in
 * the set's order), with `question` first when it is a version the set has moved on from.
 */
async function setQuestionsOf(ctx: ServerContext, question: Question): Promise<Question[]> {
  if (!isVersionId(question.id)) return []
  const version = await ctx.store.questionSets.getVersion(question.id)
  const current = version
    ? (await setDrafts(ctx, version.setId)).map(({ row, draft }) =>
        questionOfDraft(row.versionId, draft),
      )
    : []
  return current.some((q) => q.id === question.id) ? current : [question, ...current]
}

/**
 * A newcomer about to wait: refused (429) when the room's waiting list is full or this address
 * already put its share of people in it, so a flood neither buries nor bloats the list.
 */
async function makeRoomToWait(ctx: ServerContext, roomId: string, address = 'unknown') {
  const people = await ctx.store.rooms.listParticipants(roomId)
  const waiting = people.filter((p) => p.admission === 'waiting' && p.removedAt == null).length
  if (waiting >= MAX_WAITING_PER_ROOM)
    throw new HttpError(
      429,
      'the waiting room is full: try again once the interviewer has let people in',
      {
        'retry-after': '30',
      },
    )
  await ctx.limits.consume('waiting', `${address}|${roomId}`)
}

/**
 * Whether a returning person keeps the name they have: while they wait, and once the interviewer
 * decides who comes in (the round runs, or someone was removed), the name the interviewer saw and
 * admitted is the name everyone sees. Only in an open lobby may people correct their name.
 */
async function nameIsFixed(
  ctx: ServerContext,
  link: { roomId: string; status: string },
  person: ParticipantRow,
): Promise<boolean> {
  if (person.admission !== 'admitted' || link.status !== 'lobby') return true
  const people = await ctx.store.rooms.listParticipants(link.roomId)
  return people.some((p) => p.removedAt != null)
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
