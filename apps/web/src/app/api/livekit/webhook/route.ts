import { NextResponse } from 'next/server'
import { HttpError } from '@/server/http/http-error'
import { handle } from '@/server/http/http-json'
import { livekitConfig } from '@/server/livekit/livekit-config'
import { evictIfRemoved } from '@/server/livekit/livekit-call'
import { recordWebhookEvent, verifyWebhook } from '@/server/livekit/livekit-webhook'
import { readBodyText } from '@/server/http/read-body'
import { serverContext } from '@/server/server-context'

export const POST = handle('public', async (request: Request) => {
  const ctx = await serverContext()
  // the signature covers the raw body, so read it as text before parsing
  const body = await readBodyText(request)
  const event = await verifyWebhook(
    livekitConfig(ctx.env),
    body,
    request.headers.get('authorization'),
  ).catch(() => {
    throw new HttpError(401, 'invalid webhook signature')
  })
  const config = livekitConfig(ctx.env)
  const recorded = await recordWebhookEvent(ctx.store, event)
  await evictIfRemoved(
    config,
    async (id) => (await ctx.store.rooms.findParticipant(id))?.removedAt != null,
    event,
    ctx.logger,
  )
  return NextResponse.json({ ok: true, recorded })
})
