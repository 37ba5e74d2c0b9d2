import { NextResponse } from 'next/server'
import { hashCapability } from '@mockroom/access/server'
import { tokenRequestSchema, type TokenResponse } from '@/contract/join'
import { handle, rateLimit, readJson } from '@/server/http/http-json'
import { webMetrics } from '@/server/ops/web-metrics'
import { refreshToken } from '@/server/join/refresh-token'
import { serverContext } from '@/server/server-context'

// POST /api/token: a fresh session token for a participant who already joined (see refresh-token.ts)
export const POST = handle('public', async (request: Request) => {
  const input = await readJson(request, tokenRequestSchema)
  // the join's limit per address and link: a room refreshes once per token lifetime
  await rateLimit(request, 'join', hashCapability(input.capability))
  const result = await refreshToken(await serverContext(), input)
  webMetrics().tokens.inc({ kind: 'refresh' })
  return NextResponse.json<TokenResponse>(result, { headers: { 'cache-control': 'no-store' } })
})
