import { NextResponse } from 'next/server'
import { handle } from '@/server/http/http-json'
import { deleteOwnAudio } from '@/server/review/review-audio'
import { serverContext } from '@/server/server-context'

// The proven person's own recorded audio of a round (and its server transcript lines) deleted.
export const DELETE = handle(
  'review',
  async (
    request: Request,
    { params }: { params: Promise<{ capability: string; sessionId: string }> },
  ) =>
    NextResponse.json(await deleteOwnAudio((await serverContext()).store, request, await params)),
)
