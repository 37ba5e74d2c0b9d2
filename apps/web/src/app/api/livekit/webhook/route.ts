import { NextResponse } from 'next/server'
import { handle, HttpError } from '@/server/http-json'
import { livekitConfig } from '@/server/livekit-config'
import { recordWebhookEvent, verifyWebhook } from '@/server/livekit-webhook'
import { readBodyText } from '@/server/read-body'
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
  const recorded = await recordWebhookEvent(ctx.store, event)
  return NextResponse.json({ ok: true, recorded })
})
