import type { Store } from '@mockroom/store'
import * as Y from 'yjs'

/**
 * A document as stored (latest snapshot + later updates). Read-only use: the web process never
 * writes documents, the sync server does, and it stores every update before anyone sees it.
 */
export async function loadDoc(store: Store, name: string): Promise<Y.Doc> {
  const { snapshot, updates } = await store.updates.loadDoc(name)
  const doc = new Y.Doc()
  Y.transact(doc, () => {
    if (snapshot) Y.applyUpdate(doc, snapshot)
    for (const u of updates) Y.applyUpdate(doc, u)
  })
  return doc
}
