import { NextResponse } from 'next/server'
import { HttpError } from '@/server/http/http-error'
import { handle } from '@/server/http/http-json'
import { callServerState } from '@/server/livekit/call-server-state'
import { livekitConfig } from '@/server/livekit/livekit-config'
import { mintLivekitToken } from '@/server/livekit/livekit-token'
import { serverContext } from '@/server/server-context'
import { requireSession } from '@/server/join/session-auth'

// Connection details for the call: `{serverUrl, participantToken}` for the bearer of a session token.
export const POST = handle('call', async (request: Request) => {
  const ctx = await serverContext()
  const claims = await requireSession(ctx, request)
  // the call closes with the interview; a token now would re-create the LiveKit room
  const session = await ctx.store.sessions.get(claims.sessionId)
  if (session?.status === 'ended')
    throw new HttpError(403, 'the interview has ended, so has its call')
  // a removed person is out of the call too (the sync server also takes them out of it at once)
  const participant = await ctx.store.rooms.findParticipant(claims.participantId)
  if (participant?.removedAt != null) throw new HttpError(403, 'you were removed from this room')
  const details = await mintLivekitToken(livekitConfig(ctx.env), claims)
  // a call server that pnpm start is still preparing: the panel says so and checks back soon
  const preparing = (await callServerState(ctx.env.DATA_DIR)) === 'preparing'
  return NextResponse.json(preparing ? { ...details, preparing } : details, {
    headers: { 'cache-control': 'no-store' },
  })
})
