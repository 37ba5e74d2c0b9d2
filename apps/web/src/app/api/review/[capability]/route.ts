import { NextResponse } from 'next/server'
import type { ReviewListResponse } from '@/contract/review'
import { HttpError } from '@/server/http/http-error'
import { handle } from '@/server/http/http-json'
import { proofFromHeaders } from '@/server/join/participant-identity'
import { serverContext } from '@/server/server-context'
import { listSessions } from '@/server/review/review-records'

// The rounds of the room this link belongs to (the link is the capability, as for joining).
export const GET = handle(
  'review',
  async (request: Request, { params }: { params: Promise<{ capability: string }> }) => {
    const { capability } = await params
    const list = await listSessions(
      (await serverContext()).store,
      capability,
      proofFromHeaders(request),
    )
    if (!list) throw new HttpError(404, 'this link is not valid')
    return NextResponse.json(list satisfies ReviewListResponse, {
      headers: { 'cache-control': 'no-store' },
    })
  },
)
