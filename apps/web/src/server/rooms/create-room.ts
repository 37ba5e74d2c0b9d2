import { roles, type Role } from '@mockroom/access'
import { createCapability, createId, hashCapability, sealCapability } from '@mockroom/access/server'
import { getQuestion } from '@mockroom/questions'
import type { CreateRoomResponse } from '../../contract/room'
import { HttpError } from '../http/http-error'
import type { ServerContext } from '../server-context'

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
  input: { questionId: string; mode: 'interview' | 'practice' },
  origin: string,
): Promise<CreatedRoom> {
  if (!getQuestion(input.questionId))
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
