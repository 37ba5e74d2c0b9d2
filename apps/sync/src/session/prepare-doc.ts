import { initSessionState, readSessionState, SESSION_MAP } from '@mockroom/session-model'
import { controlDocName, parseDocName } from '@mockroom/protocol'
import type { Store } from '@mockroom/store'
import * as Y from 'yjs'
import type { LiveDoc } from '../core/live-doc'
import { lifecycleFacts, rowProjector } from './session-lifecycle'

/**
 * Brings a freshly loaded document in line with its session row, the lifecycle's authority: an
 * ended session's answer takes no more writes, its private document none once the feedback is
 * final or the next round began, and the control document is projected from the row, which
 * repairs one whose projection was lost after the row was written.
 */
export async function prepareDoc(live: LiveDoc, store: Store): Promise<void> {
  const doc = parseDocName(live.name)
  if (!doc) return
  const facts = await lifecycleFacts(store, doc.sessionId)
  if (doc.kind === 'answer') {
    if (facts?.status === 'ended') live.lock()
    return
  }
  if (doc.kind === 'private') {
    const final = facts?.nextRound || (await feedbackFinal(store, doc.sessionId))
    if (facts?.status === 'ended' && final) live.lock()
    return
  }
  if (!live.doc.getMap(SESSION_MAP).has('status')) {
    await live.serverChange('server', (d) =>
      initSessionState(d, { mode: facts?.mode ?? 'interview', round: facts?.round ?? 1 }),
    )
  }
  await rowProjector(store)(live, 'server', Date.now())
}

// The control document says whether the feedback is final (it is stored before anyone sees it).
async function feedbackFinal(store: Store, sessionId: string): Promise<boolean> {
  const { snapshot, updates } = await store.updates.loadDoc(controlDocName(sessionId))
  const control = new Y.Doc()
  if (snapshot) Y.applyUpdate(control, snapshot)
  for (const u of updates) Y.applyUpdate(control, u)
  const state = readSessionState(control)
  control.destroy()
  return state.feedbackFinalAt !== null
}
