import { controlDocName, parseDocName } from '@mockroom/protocol'
import { initSessionState, readSessionState, SESSION_MAP } from '@mockroom/answer-doc'
import * as Y from 'yjs'
import type { Store } from '@mockroom/store'
import type { DocRoom } from './doc-room'

/**
 * Brings a freshly loaded document in line with its session: an ended session's answer takes no
 * more writes, its private document none once the feedback is final, and a new control document
 * starts from the session row.
 */
export async function prepareRoom(room: DocRoom, store: Store): Promise<void> {
  const doc = parseDocName(room.name)
  if (!doc) return
  const session = await store.sessions.get(doc.sessionId)
  if (doc.kind === 'answer') {
    if (session?.status === 'ended') room.lock()
    return
  }
  if (doc.kind === 'private') {
    if (session?.status === 'ended' && (await feedbackFinal(store, doc.sessionId))) room.lock()
    return
  }
  if (room.doc.getMap(SESSION_MAP).has('status')) return
  await room.serverChange('server', (d) =>
    initSessionState(d, { mode: session?.mode ?? 'interview', round: session?.round ?? 1 }),
  )
}

// The control document says whether the feedback is final (it is stored before anyone sees it).
async function feedbackFinal(store: Store, sessionId: string): Promise<boolean> {
  const { snapshot, updates } = await store.updates.loadDoc(controlDocName(sessionId))
  const control = new Y.Doc()
  if (snapshot) Y.applyUpdate(control, snapshot)
  for (const u of updates) Y.applyUpdate(control, u)
  const state = readSessionState(control)
  control.destroy()
  return state.feedbackFinalAt !== null || state.nextRound !== null
}
