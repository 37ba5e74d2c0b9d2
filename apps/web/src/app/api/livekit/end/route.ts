import { NextResponse } from 'next/server'
import { HttpError } from '@/server/http/http-error'
import { handle } from '@/server/http/http-json'
import { livekitConfig } from '@/server/livekit/livekit-config'
import { closeCall } from '@/server/livekit/livekit-call'
import { serverContext } from '@/server/server-context'
import { requireSession } from '@/server/join/session-auth'

// After "End interview" the interviewer's browser asks for the call to close. Ending itself never
// waits on this: an unreachable LiveKit is logged and reported as `closed: false`.
export const POST = handle('call', async (request: Request) => {
  const ctx = await serverContext()
  const claims = await requireSession(ctx, request)
  if (claims.role !== 'interviewer') throw new HttpError(403, 'only the interviewer ends the call')
  const session = await ctx.store.sessions.get(claims.sessionId)
  if (session?.status !== 'ended') throw new HttpError(409, 'the interview has not ended')
  const closed = await closeCall(livekitConfig(ctx.env), claims.roomId, ctx.logger)
  return NextResponse.json({ closed })
})
