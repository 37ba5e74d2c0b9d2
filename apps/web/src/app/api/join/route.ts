import { NextResponse } from 'next/server'
import { z } from 'zod'
import { hashCapability } from '@mockroom/access/server'
import { joinRequestSchema, type JoinResponse, type WaitingResponse } from '@/contract/join'
import { cleanDisplayName } from '@/server/join/display-name'
import { handle, rateLimit, readJson } from '@/server/http/http-json'
import { joinRoom } from '@/server/join/join-room'
import { webMetrics } from '@/server/ops/web-metrics'
import { publicOrigin, syncUrl } from '@/server/http/origin'
import { clientAddress } from '@/server/http/request-address'
import { serverContext } from '@/server/server-context'

const body = joinRequestSchema.extend({
  // invisible and direction-changing characters are dropped before the length checks
  name: joinRequestSchema.shape.name
    .transform(cleanDisplayName)
    .pipe(z.string().min(1, 'name is required: letters, digits or emoji').max(60)),
})

export const POST = handle('public', async (request: Request) => {
  const input = await readJson(request, body)
  // per address and link: guessing names or flooding one room does not starve the others
  await rateLimit(request, 'join', hashCapability(input.capability))
  const ctx = await serverContext()
  const result = await joinRoom(ctx, input, {
    origin: publicOrigin(request, ctx.env),
    syncUrl: syncUrl(request, ctx.env),
    address: clientAddress(request),
  })
  // 202: stored, but waiting for the interviewer; the browser polls /api/admission
  const status = 'waiting' in result ? 202 : 200
  if (status === 200) webMetrics().tokens.inc({ kind: 'join' })
  return NextResponse.json<JoinResponse | WaitingResponse>(result, {
    status,
    headers: { 'cache-control': 'no-store' },
  })
})
