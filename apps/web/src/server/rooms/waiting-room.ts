import { roleInRound, roles, type Role } from '@mockroom/access'
import {
  createCapability,
  hashCapability,
  sealCapability,
  type SessionClaims,
} from '@mockroom/access/server'
import type { Admission } from '@mockroom/store'
import { HttpError } from '../http/http-error'
import { inviteLinks } from '../join/join-room'
import { proveParticipant, type ParticipantProof } from '../join/participant-identity'
import type { ServerContext } from '../server-context'
import { requireSession } from '../join/session-auth'

export interface WaitingPerson {
  id: string
  name: string
  /** the role the link gives in the current round */
  role: Role
  since: number
}

export type AdmissionStatus = Admission | 'removed'

/**
 * The interviewer of the room's current round, from the request's session token. The waiting
 * room and "New links" are HTTP routes rather than sync control actions (like Remove) because
 * they concern joining, which the web app decides, and the people they act on have no socket.
 */
export async function requireInterviewer(
  ctx: ServerContext,
  request: Request,
  roomId: string,
): Promise<SessionClaims> {
  const claims = await requireSession(ctx, request)
  if (claims.roomId !== roomId) throw new HttpError(403, 'token is for another room')
  const current = await ctx.store.rooms.currentSession(roomId)
  if (claims.role !== 'interviewer' || current?.id !== claims.sessionId)
    throw new HttpError(403, "only this round's interviewer may do this")
  return claims
}

export async function listWaiting(ctx: ServerContext, roomId: string): Promise<WaitingPerson[]> {
  const [rows, session] = await Promise.all([
    ctx.store.rooms.listParticipants(roomId),
    ctx.store.rooms.currentSession(roomId),
  ])
  const swapped = session ? (await ctx.store.sessions.get(session.id))?.swapped === true : false
  return rows
    .filter((p) => p.admission === 'waiting' && p.removedAt == null)
    .map((p) => ({
      id: p.id,
      name: p.name,
      role: roleInRound(p.role, swapped),
      since: p.lastSeenAt,
    }))
}

/** Admit or turn away someone waiting; anyone else is a 409 (already decided, or never waited). */
export async function decideAdmission(
  ctx: ServerContext,
  roomId: string,
  participantId: string,
  decision: 'admit' | 'turn-away',
): Promise<void> {
  const person = await ctx.store.rooms.findParticipant(participantId)
  if (!person || person.roomId !== roomId) throw new HttpError(404, 'no such participant')
  if (person.admission !== 'waiting' || person.removedAt != null)
    throw new HttpError(409, 'this person is not waiting')
  await ctx.store.rooms.setAdmission(
    participantId,
    decision === 'admit' ? 'admitted' : 'turned-away',
  )
}

/** What a waiting browser polls with its participant key; no token comes from here. */
export async function admissionStatus(
  ctx: ServerContext,
  proof: ParticipantProof,
): Promise<AdmissionStatus> {
  const person = await proveParticipant(ctx.store, proof)
  if (!person) throw new HttpError(404, 'unknown participant')
  return person.removedAt != null ? 'removed' : person.admission
}

/**
 * "New links": every link of the room is revoked and a fresh one minted per role. People already
 * in keep their identity (their proven participant id still renews on the old link); a fresh
 * browser on an old link gets the invalid-link page.
 */
export async function replaceRoomLinks(
  ctx: ServerContext,
  claims: SessionClaims,
  origin: string,
): Promise<Partial<Record<Role, string>>> {
  const me = await ctx.store.rooms.findParticipant(claims.participantId)
  const session = await ctx.store.sessions.get(claims.sessionId)
  if (!me || !session) throw new HttpError(404, 'unknown session')
  const fresh = roles.map((role) => ({ role, capability: createCapability() }))
  await ctx.store.rooms.replaceLinks(
    claims.roomId,
    fresh.map((l) => ({
      role: l.role,
      capabilityHash: hashCapability(l.capability),
      sealedCapability: sealCapability(l.capability, ctx.secret),
    })),
    Date.now(),
  )
  return inviteLinks(ctx, claims.roomId, me.role, session.swapped, origin)
}
