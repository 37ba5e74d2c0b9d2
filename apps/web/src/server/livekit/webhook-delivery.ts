import { HttpError } from '../http/http-error'
import type { ServerContext } from '../server-context'
import { livekitConfig } from './livekit-config'
import { evictIfRemoved } from './livekit-call'
import { deliveryId, recordWebhookEvent, verifyWebhook } from './livekit-webhook'

/** One delivery of LiveKit's webhook: verified, acted on once, recorded when the review needs it. */
export async function handleWebhookDelivery(
  ctx: ServerContext,
  body: string,
  authorization: string | null,
): Promise<{ recorded: boolean; repeated: boolean }> {
  const config = livekitConfig(ctx.env)
  const event = await verifyWebhook(config, body, authorization).catch(() => {
    throw new HttpError(401, 'invalid webhook signature')
  })
  // a captured delivery stays validly signed: each is acted on once
  if (!(await ctx.seenWebhooks.firstSeen(deliveryId(event, body))))
    return { recorded: false, repeated: true }
  const recorded = await recordWebhookEvent(ctx.store, event)
  await evictIfRemoved(
    config,
    async (id) => (await ctx.store.rooms.findParticipant(id))?.removedAt != null,
    event,
    ctx.logger,
  )
  return { recorded, repeated: false }
}
