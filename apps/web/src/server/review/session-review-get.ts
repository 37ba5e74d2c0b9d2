import type { Store } from '@mockroom/store'
import { HttpError } from '@/server/http/http-error'
import { handle } from '@/server/http/http-json'
import { proofFromHeaders, type ParticipantProof } from '@/server/join/participant-identity'
import { serverContext } from '@/server/server-context'

type SessionParams = { params: Promise<{ capability: string; sessionId: string }> }

/**
 * A GET route of one session's review under a review link: `read` answers for the link and the
 * participant's proof, null when that link may not see the session (404).
 */
export function sessionReviewGet<T>(
  read: (
    store: Store,
    capability: string,
    sessionId: string,
    proof: ParticipantProof,
  ) => Promise<T | null>,
  respond: (value: T) => Response,
) {
  return handle('review', async (request: Request, { params }: SessionParams) => {
    const { capability, sessionId } = await params
    const { store } = await serverContext()
    const value = await read(store, capability, sessionId, proofFromHeaders(request))
    if (value === null) throw new HttpError(404, 'this review link is not valid')
    return respond(value)
  })
}
