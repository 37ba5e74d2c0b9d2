import { CloseCode, CloseError } from '@mockroom/protocol'
import type { LiveDoc, DocMember } from './live-doc'
import type { SyncLimits } from '../guards/sync-limits'
import { validateUpdate } from '../guards/validate-update'

const MiB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`

// Size limits: the update is refused whole, so what is already stored stays as it was.
function checkQuota(live: LiveDoc, update: Uint8Array, limits: SyncLimits) {
  if (live.usage.bytes + update.length > limits.docBytes)
    throw new CloseError(
      CloseCode.tooLarge,
      `document is full (${MiB(limits.docBytes)}); earlier edits are kept`,
    )
  if (live.usage.session.bytes + update.length > limits.sessionBytes)
    throw new CloseError(
      CloseCode.tooLarge,
      `session is full (${MiB(limits.sessionBytes)}); earlier edits are kept`,
    )
}

// Items cost memory whatever their size: counted as an upper bound, recounted exactly near the cap.
function checkItems(live: LiveDoc, items: number, limits: SyncLimits) {
  if (live.items + items > limits.docItems && live.recountItems() + items > limits.docItems)
    throw new CloseError(
      CloseCode.tooLarge,
      `document is full (${limits.docItems.toLocaleString('en')} items); earlier edits are kept`,
    )
  live.items += items
}

/**
 * Applies one client update after the server's checks (validate-update.ts). Throws CloseError
 * for the sender; an update with missing dependencies is held aside, bounded, and applied once
 * they arrive. Applying anything retries the held ones.
 */
export function applyClientUpdate(
  live: LiveDoc,
  member: DocMember,
  update: Uint8Array,
  limits: SyncLimits,
  /** the frame it came in, when that is a sync update message as peers get it */
  message: Uint8Array | null = null,
) {
  const verdict = validateUpdate(live.doc, update, limits)
  if (verdict.kind === 'refused')
    throw new CloseError(CloseCode.refused, `update refused: ${verdict.reason}`)
  if (verdict.kind === 'pending') {
    if (!live.held.add(member, update))
      throw new CloseError(CloseCode.refused, 'too many updates with missing dependencies')
    return
  }
  if (verdict.empty) return // a repeat of what the document has: Yjs would change nothing
  live.claimWriters(member.context.participantId, verdict.writers)
  checkQuota(live, update, limits)
  checkItems(live, verdict.items, limits)
  live.applyClient(update, member, message, verdict.writers)
  if (live.held.size > 0) retryPending(live, limits)
}

function retryPending(live: LiveDoc, limits: SyncLimits) {
  live.held.retry((owner, update) => {
    if (!live.has(owner)) return true
    const verdict = validateUpdate(live.doc, update, limits)
    if (verdict.kind === 'pending') return false
    try {
      if (verdict.kind === 'refused')
        throw new CloseError(CloseCode.refused, `update refused: ${verdict.reason}`)
      live.claimWriters(owner.context.participantId, verdict.writers)
      checkQuota(live, update, limits)
      checkItems(live, verdict.items, limits)
      live.applyClient(update, owner, null, verdict.writers)
    } catch (err) {
      const e =
        err instanceof CloseError ? err : new CloseError(CloseCode.badMessage, 'malformed update')
      owner.socket.close(e.code, e.message)
      live.held.drop(owner)
    }
    return true
  })
}
