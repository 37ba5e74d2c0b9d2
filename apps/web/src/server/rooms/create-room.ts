import { roles, type Role } from '@mockroom/access'
import { createCapability, createId, hashCapability, sealCapability } from '@mockroom/access/server'
import { isVersionId, resolveQuestion } from '@mockroom/questions'
import type { CreateRoomResponse } from '../../contract/room'
import { HttpError } from '../http/http-error'
import type { ServerContext } from '../server-context'
import { setOffersVersion } from '../question-sets/question-set-service'
import { openSet } from '../question-sets/set-access'

export type CreatedRoom = CreateRoomResponse

export function linksFor(capabilities: Record<Role, string>, origin: string): Record<Role, string> {
  return Object.fromEntries(roles.map((r) => [r, `${origin}/join/${capabilities[r]}`])) as Record<
    Role,
    string
  >
}

/** A room with its first session and one capability link per role (shown once, stored hashed). */
export async function createRoom(
  ctx: ServerContext,
  input: { questionId: string; mode: 'interview' | 'practice'; setCapability?: string | undefined },
  origin: string,
): Promise<CreatedRoom> {
  if (isVersionId(input.questionId))
    await checkSetOffers(ctx, input.questionId, input.setCapability)
  if (!(await resolveQuestion(input.questionId, ctx.store.questionSets)))
    throw new HttpError(400, `unknown question: ${input.questionId}`)
  const roomId = createId()
  const sessionId = createId()
  const capabilities = Object.fromEntries(roles.map((r) => [r, createCapability()])) as Record<
    Role,
    string
  >
  await ctx.store.rooms.createRoom({
    roomId,
    sessionId,
    questionId: input.questionId,
    mode: input.mode,
    links: roles.map((role) => ({
      role,
      capabilityHash: hashCapability(capabilities[role]),
      sealedCapability: sealCapability(capabilities[role], ctx.secret),
    })),
    now: Date.now(),
  })
  return { roomId, sessionId, links: linksFor(capabilities, origin) }
}

/** A coach's question opens a room only through its set's link, at the set's current version. */
async function checkSetOffers(ctx: ServerContext, versionId: string, capability?: string) {
  if (!capability) throw new HttpError(400, "a set's question needs the set's link (setCapability)")
  const opened = await openSet(ctx.store, capability)
  if (!opened) throw new HttpError(404, 'this question set link is not valid')
  if (!(await setOffersVersion(ctx, opened.set.id, versionId)))
    throw new HttpError(
      409,
      'this question is not in the set any more, or it was edited: reload the set and try again',
    )
}
