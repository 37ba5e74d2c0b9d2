import { parseDocName, CloseCode, CloseError } from '@mockroom/protocol'
import { docAccess } from '@mockroom/access'
import { TokenError, verifySessionToken } from '@mockroom/access/server'
import type { Store } from '@mockroom/store'
import type { ConnectionContext } from '../core/connection-context'

/** What `onAuthenticate` gets for a connection (or an audio upload): the document and the token. */
export interface AuthenticatePayload {
  documentName: string
  token: string | null
  /** the client's address (rate limits per address), when the glue knows it */
  address?: string
}

/** The default onAuthenticate: a signed session token, checked against the roles table. */
export function tokenAuthenticator(secret: string, store: Store) {
  return async ({ documentName, token }: AuthenticatePayload): Promise<ConnectionContext> => {
    const doc = parseDocName(documentName)
    if (!doc) throw new CloseError(CloseCode.unknownDocument, 'unknown document')
    let claims
    try {
      claims = await verifySessionToken(token, secret)
    } catch (err) {
      if (err instanceof TokenError && err.reason === 'expired') {
        throw new CloseError(CloseCode.tokenExpired, 'token expired')
      }
      throw new CloseError(CloseCode.unauthorized, 'invalid token')
    }
    if (claims.sessionId !== doc.sessionId) {
      throw new CloseError(CloseCode.forbidden, 'token is for another session')
    }
    const participant = await store.rooms.findParticipant(claims.participantId).catch(() => {
      // the store is unreachable: the client retries, as after a failed commit
      throw new CloseError(CloseCode.storageFailure, 'storage unavailable')
    })
    if (participant?.removedAt != null)
      throw new CloseError(CloseCode.removed, 'removed from the room')
    const access = docAccess(claims.role, doc.kind)
    if (access === 'none')
      throw new CloseError(CloseCode.forbidden, `${claims.role} may not open ${doc.kind}`)
    return {
      participantId: claims.participantId,
      name: claims.name,
      role: claims.role,
      sessionId: doc.sessionId,
      kind: doc.kind,
      readOnly: access === 'read',
    }
  }
}
