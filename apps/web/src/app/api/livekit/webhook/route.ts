import { NextResponse } from 'next/server'
import { handle } from '@/server/http/http-json'
import { readBodyText } from '@/server/http/read-body'
import { handleWebhookDelivery } from '@/server/livekit/webhook-delivery'
import { serverContext } from '@/server/server-context'

export const POST = handle('public', async (request: Request) => {
  const ctx = await serverContext()
  // the signature covers the raw body, so read it as text before parsing
  const body = await readBodyText(request)
  const result = await handleWebhookDelivery(ctx, body, request.headers.get('authorization'))
  return NextResponse.json({ ok: true, ...result })
})
