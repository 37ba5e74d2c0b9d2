import { NextResponse } from 'next/server'
import { handle } from '@/server/http-json'
import { livekitConfig } from '@/server/livekit-config'
import { mintLivekitToken } from '@/server/livekit-token'
import { serverContext } from '@/server/server-context'
import { requireSession } from '@/server/session-auth'

// Connection details for the call: `{serverUrl, participantToken}` for the bearer of a session token.
export const POST = handle(async (request: Request) => {
  const ctx = await serverContext()
  const claims = await requireSession(ctx, request)
  const details = await mintLivekitToken(livekitConfig(ctx.env), claims)
  return NextResponse.json(details, { headers: { 'cache-control': 'no-store' } })
})
