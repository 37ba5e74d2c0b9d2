import { TokenError, verifySessionToken, type SessionClaims } from '@mockroom/access/server'
import { HttpError } from './http-json'
import type { ServerContext } from './server-context'

/** The claims of the `Authorization: Bearer <session token>` header, or a 401. */
export async function requireSession(ctx: ServerContext, request: Request): Promise<SessionClaims> {
  const header = request.headers.get('authorization') ?? ''
  const token = header.startsWith('Bearer ') ? header.slice(7) : null
  try {
    return await verifySessionToken(token, ctx.secret)
  } catch (err) {
    throw new HttpError(401, err instanceof TokenError ? err.message : 'unauthorized')
  }
}
