import { roleInRound } from '@mockroom/access'
import { signSessionToken } from '@mockroom/access/server'
import type { TokenRequest, TokenResponse } from '../../contract/join'
import { checkAdmission, REMOVED_REASON } from './admission'
import { lookupLink } from './describe-link'
import { HttpError } from '../http/http-error'
import { proveParticipant } from './participant-identity'
import type { ServerContext } from '../server-context'

/**
 * A new session token for someone who already joined through this link, proven by their key.
 * Unlike the join it writes nothing (no participant row, no member row) and sends no links or
 * question bank: it only lets a room outlive its token. The token is for the link's current
 * round; a browser that sees another session id than its own joins again for the new round.
 */
export async function refreshToken(
  ctx: ServerContext,
  input: TokenRequest,
  now = Date.now(),
): Promise<TokenResponse> {
  const link = await lookupLink(ctx.store, input.capability)
  if (!link) throw new HttpError(404, 'this link is not valid')
  const known = await proveParticipant(ctx.store, input)
  if (!known || known.roomId !== link.roomId || known.role !== link.role)
    throw new HttpError(401, 'join the room first')
  if (known.removedAt != null) throw new HttpError(403, REMOVED_REASON)
  const admission = await checkAdmission(ctx.store, link, known)
  if (!admission.ok) throw new HttpError(admission.status, admission.reason)
  // no token while in the waiting room: only the interviewer's Admit (then a join) gives one
  if (admission.waiting) throw new HttpError(403, 'waiting for the interviewer to let you in')
  const ttl = ctx.env.SESSION_TTL_SECONDS
  const role = roleInRound(link.role, link.swapped)
  const token = await signSessionToken(
    {
      roomId: link.roomId,
      sessionId: link.sessionId,
      participantId: known.id,
      role,
      name: known.name,
    },
    ctx.secret,
    ttl,
    now,
  )
  return { token, expiresAt: now + ttl * 1000, sessionId: link.sessionId }
}
