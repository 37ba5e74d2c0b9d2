import { createHash } from 'node:crypto'
import type { Store } from '@mockroom/store'
import { WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk'
import { roomIdFromLivekitName } from '@mockroom/access'
import type { LivekitConfig } from './livekit-config'

export const RECORDED_EVENTS = new Set([
  'participant_joined',
  'participant_left',
  'track_published',
  'room_finished',
])

/** Verifies the signed body (HS256 JWT in Authorization carrying the body's sha256); throws if not. */
export function verifyWebhook(
  config: LivekitConfig,
  body: string,
  authorization: string | null,
): Promise<WebhookEvent> {
  return new WebhookReceiver(config.apiKey, config.apiSecret).receive(
    body,
    authorization ?? undefined,
  )
}

/** Stores the events the review needs as session events of the room's current session. */
export async function recordWebhookEvent(
  store: Store,
  event: WebhookEvent,
  now = Date.now(),
): Promise<boolean> {
  if (!RECORDED_EVENTS.has(event.event)) return false
  const roomId = event.room ? roomIdFromLivekitName(event.room.name) : null
  const session = roomId ? await store.rooms.currentSession(roomId) : null
  if (!session) return false
  await store.events.record({
    sessionId: session.id,
    type: event.event,
    participantId: event.participant?.identity ?? null,
    data: {
      eventId: event.id,
      participantName: event.participant?.name,
      trackKind: event.track ? event.track.type : undefined,
      trackSid: event.track?.sid,
    },
    createdAt: event.createdAt ? Number(event.createdAt) * 1000 : now,
  })
  return true
}

/**
 * What makes a delivery unique: LiveKit's event id, or the signed body itself when an event
 * carries none (the signature binds the body, so a replay repeats it byte for byte).
 */
export function deliveryId(event: WebhookEvent, body: string): string {
  return event.id || `sha256:${createHash('sha256').update(body).digest('base64url')}`
}
