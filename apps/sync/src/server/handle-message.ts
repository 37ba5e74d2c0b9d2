import { canRequest } from '@mockroom/access'
import {
  encodeControlResult,
  type ControlResult,
  CloseCode,
  CloseError,
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
} from '@mockroom/protocol'
import * as awarenessProtocol from 'y-protocols/awareness'
import { applyClientUpdate } from '../core/apply-client-update'
import { decodeAwarenessUpdate, encodeAwarenessEntries } from '../guards/awareness-guard'
import type { LiveDoc, DocMember } from '../core/live-doc'
import type { SyncLimits } from '../guards/sync-limits'
import type { ConnectionLimiter, RateLimits } from '../guards/sync-rate-limits'
import type { Logger } from '../observability/logger'

/** Opens the conversation on a newly joined connection: our state vector and who is here. */
export function greet(live: LiveDoc, member: DocMember) {
  member.socket.send(encodeSyncStep1(live.doc))
  const others = [...live.awareness.getStates().keys()]
  if (others.length > 0) member.socket.send(encodeAwareness(live.awareness, others))
}

export interface MessageDeps {
  logger: Logger
  /** runs an interviewer's control request; the reply goes back on the same socket */
  control(live: LiveDoc, member: DocMember, body: unknown): Promise<ControlResult>
  limits: SyncLimits
  rates: RateLimits
  /** sampled log of refused frames (one line per reason and interval) */
  refused(reason: string, fields: object): void
}

const requestId = (body: unknown) => {
  const id = (body as { id?: unknown } | null)?.id
  return typeof id === 'number' && Number.isInteger(id) ? id : 0
}

/**
 * Handles one frame from a joined connection. Throws CloseError for frames that end it. Updates
 * and awareness are handled at once (no promise per keystroke); only the handshake and control
 * requests return a promise, and the caller holds later frames until it settles.
 */
export function handleMessage(
  live: LiveDoc,
  member: DocMember,
  data: Uint8Array,
  deps: MessageDeps,
  counters: ConnectionLimiter,
): Promise<void> | undefined {
  if (!counters.take('framesPerConnection'))
    throw new CloseError(CloseCode.rateLimited, 'too many frames')
  const message = decodeClientMessage(data)
  switch (message.kind) {
    case 'syncStep1':
      return answerSyncStep1(live, member, message.stateVector)
    case 'update': {
      if (member.context.readOnly || live.locked) {
        // drop writes from read-only clients (y-protocols PROTOCOL.md: the server decides what it applies)
        deps.refused('read-only write', who(live, member))
        return
      }
      try {
        applyClientUpdate(live, member, message.update, deps.limits, message.relay)
      } catch (err) {
        if (err instanceof CloseError) throw err
        throw new CloseError(CloseCode.badMessage, 'malformed update')
      }
      return
    }
    case 'awareness': {
      if (!counters.take('awarenessPerConnection'))
        throw new CloseError(CloseCode.rateLimited, 'too many awareness updates')
      // only the client ids this participant owns (first seen) may be set or removed
      const entries = decodeAwarenessUpdate(message.update)
      const { allowed } = live.awarenessOwners.filter(
        member.context.participantId,
        member.clientIds,
        entries,
      )
      // No log for `refused`: honest y-websocket providers re-send the peers' states they receive
      // (the provider's awareness 'update' handler broadcasts every changed client, and its
      // outdated-state timeout sends removals), so foreign ids are routine, not an attack signal.
      if (allowed.length === 0) return
      try {
        const update =
          allowed.length === entries.length ? message.update : encodeAwarenessEntries(allowed)
        awarenessProtocol.applyAwarenessUpdate(live.awareness, update, member)
      } catch {
        throw new CloseError(CloseCode.badMessage, 'malformed awareness update')
      }
      return
    }
    case 'control':
      return answerControl(live, member, message.body, deps)
    case 'queryAwareness': {
      const all = [...live.awareness.getStates().keys()]
      member.socket.send(encodeAwareness(live.awareness, all))
      return
    }
  }
}

const who = (live: LiveDoc, member: DocMember) => ({
  doc: live.name,
  participant: member.context.participantId,
})

async function answerSyncStep1(live: LiveDoc, member: DocMember, stateVector: Uint8Array) {
  // durable before sent: a late joiner never sees an update that is not yet stored
  await live.flush()
  let reply: Uint8Array
  try {
    reply = encodeSyncStep2(live.doc, stateVector)
  } catch {
    throw new CloseError(CloseCode.badMessage, 'malformed state vector')
  }
  member.socket.send(reply)
}

async function answerControl(live: LiveDoc, member: DocMember, body: unknown, deps: MessageDeps) {
  // which action is the controller's decision; a role that may send none is closed here
  if (member.context.kind !== 'control' || !canRequest(member.context.role)) {
    throw new CloseError(CloseCode.forbidden, 'observers cannot send control requests')
  }
  if (!(await deps.rates.take('controlPerParticipant', member.context.participantId))) {
    deps.refused('control rate limit', who(live, member))
    const error = 'too many requests; try again in a few seconds'
    member.socket.send(encodeControlResult({ id: requestId(body), ok: false, error }))
    return
  }
  member.socket.send(encodeControlResult(await deps.control(live, member, body)))
}
