import { hashCapability, isWellFormedCapability } from '@mockroom/access/server'
import type { QuestionSetRow, Store } from '@mockroom/store'
import { HttpError } from '../http/http-error'

export type SetAccess = 'edit' | 'share'

export interface OpenedSet {
  set: QuestionSetRow
  access: SetAccess
}

/** The set an edit or share capability opens, or null (unknown or malformed). */
export async function openSet(store: Store, capability: string): Promise<OpenedSet | null> {
  if (!isWellFormedCapability(capability)) return null
  const hash = hashCapability(capability)
  const edit = await store.questionSets.findByEditHash(hash)
  if (edit) return { set: edit, access: 'edit' }
  const share = await store.questionSets.findByShareHash(hash)
  return share ? { set: share, access: 'share' } : null
}

/** 404 for an unknown link; 403 when a share link asks to change the set. */
export async function requireSet(
  store: Store,
  capability: string,
  need: SetAccess,
): Promise<OpenedSet> {
  const opened = await openSet(store, capability)
  if (!opened) throw new HttpError(404, 'this question set link is not valid')
  if (need === 'edit' && opened.access !== 'edit')
    throw new HttpError(403, 'this is the read-only share link: only the edit link changes the set')
  return opened
}
