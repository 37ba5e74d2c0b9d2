import { CloseCode, closeRules } from '@mockroom/protocol'
import { tokenResponseSchema, type TokenRequest, type TokenResponse } from '../../../contract/join'
import { apiErrorFrom, ApiError, readBody } from '../../../lib/api-error'

/** A fresh session token for the person who joined; the room renews with it ahead of expiry. */
export async function refreshToken(request: TokenRequest): Promise<TokenResponse> {
  const res = await fetch('/api/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    cache: 'no-store',
  })
  if (res.status === 403) throw new ApiError(closeRules[CloseCode.removed].message, 403)
  if (!res.ok) throw await apiErrorFrom(res, 'Your session could not be renewed.')
  return readBody(res, tokenResponseSchema)
}
