import { HttpError } from '@/server/http/http-error'
import { NextResponse } from 'next/server'
import { handle } from '@/server/http/http-json'
import { proofFromHeaders } from '@/server/join/participant-identity'
import { serverContext } from '@/server/server-context'
import { transcriptionProgress } from '@/server/review/review-records'

// Where the server's transcription of the round's recordings stands (the review polls it while
// a track is queued or running), under the same access as the record.
export const GET = handle(
  'review',
  async (
    request: Request,
    { params }: { params: Promise<{ capability: string; sessionId: string }> },
  ) => {
    const { capability, sessionId } = await params
    const status = await transcriptionProgress(
      (await serverContext()).store,
      capability,
      sessionId,
      proofFromHeaders(request),
    )
    if (status === null) throw new HttpError(404, 'this review link is not valid')
    return NextResponse.json(status, { headers: { 'cache-control': 'no-store' } })
  },
)
