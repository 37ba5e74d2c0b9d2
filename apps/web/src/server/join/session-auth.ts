import { TokenError, verifySessionToken, type SessionClaims } from '@mockroom/access/server'
import { REMOVED_REASON } from './admission'
import { HttpError } from '../http/http-error'
import type { ServerContext } from '../server-context'

/**
 * The claims of the `Authorization: Bearer <session token>` header, or a 401; a participant the
 * interviewer removed is refused (403) although their token has not expired yet.
 */
export async function requireSession(ctx: ServerContext, request: Request): Promise<SessionClaims> {
  const header = request.headers.get('authorization') ?? ''
  const token = header.startsWith('Bearer ') ? header.slice(7) : null
  let claims: SessionClaims
  try {
    claims = await verifySessionToken(token, ctx.secret)
  } catch (err) {
    throw new HttpError(401, err instanceof TokenError ? err.message : 'unauthorized')
  }
  const participant = await ctx.store.rooms.findParticipant(claims.participantId)
  if (participant?.removedAt != null) throw new HttpError(403, REMOVED_REASON)
  return claims
}
