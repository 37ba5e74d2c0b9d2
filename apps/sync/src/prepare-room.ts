import { initSessionState, parseDocName, SESSION_MAP } from '@mockroom/answer-doc'
import type { Store } from '@mockroom/store'
import type { DocRoom } from './doc-room'

/**
 * Brings a freshly loaded document in line with its session: an ended session's answer and
 * private documents take no more writes, and a new control document starts from the session row.
 */
export async function prepareRoom(room: DocRoom, store: Store): Promise<void> {
  const doc = parseDocName(room.name)
  if (!doc) return
  const session = await store.sessions.get(doc.sessionId)
  if (doc.kind !== 'control') {
    if (session?.status === 'ended') room.lock()
    return
  }
  if (room.doc.getMap(SESSION_MAP).has('status')) return
  await room.serverChange('server', (d) =>
    initSessionState(d, { mode: session?.mode ?? 'interview', round: session?.round ?? 1 }),
  )
}
