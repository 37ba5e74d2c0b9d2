import { HttpError } from '@/server/http/http-error'
import { handle } from '@/server/http/http-json'
import { proofFromHeaders } from '@/server/join/participant-identity'
import { serverContext } from '@/server/server-context'
import { buildRecordJson } from '@/server/review/review-records'

// The saved session (schema mockroom.session/1) as this link's role in that round may see it.
export const GET = handle(
  'review',
  async (
    request: Request,
    { params }: { params: Promise<{ capability: string; sessionId: string }> },
  ) => {
    const { capability, sessionId } = await params
    const json = await buildRecordJson(
      (await serverContext()).store,
      capability,
      sessionId,
      proofFromHeaders(request),
    )
    if (json === null) throw new HttpError(404, 'this review link is not valid')
    return new Response(json, {
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    })
  },
)
