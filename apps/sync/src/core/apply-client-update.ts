import { CloseCode, CloseError } from '@mockroom/protocol'
import type { DocRoom, RoomMember } from './live-doc'
import type { SyncLimits } from '../guards/sync-limits'
import { validateUpdate } from '../guards/validate-update'

const MiB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`

// Size limits: the update is refused whole, so what is already stored stays as it was.
function checkQuota(room: DocRoom, update: Uint8Array, limits: SyncLimits) {
  if (room.usage.bytes + update.length > limits.docBytes)
    throw new CloseError(
      CloseCode.tooLarge,
      `document is full (${MiB(limits.docBytes)}); earlier edits are kept`,
    )
  if (room.usage.session.bytes + update.length > limits.sessionBytes)
    throw new CloseError(
      CloseCode.tooLarge,
      `session is full (${MiB(limits.sessionBytes)}); earlier edits are kept`,
    )
}

/**
 * Applies one client update after the server's checks (validate-update.ts). Throws CloseError
 * for the sender; an update with missing dependencies is held aside, bounded, and applied once
 * they arrive. Applying anything retries the held ones.
 */
export function applyClientUpdate(
  room: DocRoom,
  member: RoomMember,
  update: Uint8Array,
  limits: SyncLimits,
  /** the frame it came in, when that is a sync update message as peers get it */
  message: Uint8Array | null = null,
) {
  const verdict = validateUpdate(room.doc, update, limits)
  if (verdict.kind === 'refused')
    throw new CloseError(CloseCode.refused, `update refused: ${verdict.reason}`)
  if (verdict.kind === 'pending') {
    if (!room.held.add(member, update))
      throw new CloseError(CloseCode.refused, 'too many updates with missing dependencies')
    return
  }
  if (verdict.empty) return // a repeat of what the document has: Yjs would change nothing
  room.writers.claim(member.context.participantId, verdict.writers)
  checkQuota(room, update, limits)
  room.applyClient(update, member, message, verdict.writers)
  if (room.held.size > 0) retryPending(room, limits)
}

function retryPending(room: DocRoom, limits: SyncLimits) {
  room.held.retry((owner, update) => {
    if (!room.has(owner)) return true
    const verdict = validateUpdate(room.doc, update, limits)
    if (verdict.kind === 'pending') return false
    try {
      if (verdict.kind === 'refused')
        throw new CloseError(CloseCode.refused, `update refused: ${verdict.reason}`)
      room.writers.claim(owner.context.participantId, verdict.writers)
      checkQuota(room, update, limits)
      room.applyClient(update, owner, null, verdict.writers)
    } catch (err) {
      const e =
        err instanceof CloseError ? err : new CloseError(CloseCode.badMessage, 'malformed update')
      owner.socket.close(e.code, e.message)
      room.held.drop(owner)
    }
    return true
  })
}
