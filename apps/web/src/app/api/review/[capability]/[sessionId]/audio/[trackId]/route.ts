import { handle } from '@/server/http/http-json'
import { audioResponse } from '@/server/review/review-audio'
import { serverContext } from '@/server/server-context'

// One recorded track of a round, under the review's access rule, with Range for seeking.
export const GET = handle(
  'review',
  async (
    request: Request,
    { params }: { params: Promise<{ capability: string; sessionId: string; trackId: string }> },
  ) => audioResponse((await serverContext()).store, request, await params),
)
