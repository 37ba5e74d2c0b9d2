import { isRecord } from '../../lib/api-error'

// The question sets this browser made or opened, kept like saved room links: only the
// capability (the edit link is the owner's key), its kind and a title to list it by.
// Storage can throw (private mode): every access degrades to "nothing saved".

const KEY = 'mockroom:question-sets'

export interface SavedSet {
  capability: string
  access: 'edit' | 'share'
  title: string
  savedAt: number
}

export function loadSavedSets(): SavedSet[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]')
    if (!Array.isArray(value)) return []
    return value.filter(
      (v): v is SavedSet =>
        isRecord(v) &&
        typeof v.capability === 'string' &&
        (v.access === 'edit' || v.access === 'share') &&
        typeof v.title === 'string' &&
        typeof v.savedAt === 'number',
    )
  } catch {
    return []
  }
}

/** Adds or refreshes a set (newest first); an edit link is never replaced by a share link. */
export function saveSet(set: Omit<SavedSet, 'savedAt'>, now = Date.now()): void {
  if (!set.capability) return
  const rest = loadSavedSets().filter((s) => s.capability !== set.capability)
  try {
    window.localStorage.setItem(KEY, JSON.stringify([{ ...set, savedAt: now }, ...rest]))
  } catch {
    // nothing to do: the set is simply not listed in this browser
  }
}

/** The capability in a set link (`<origin>/sets/<capability>`), or null. */
export function setCapabilityOf(link: string): string | null {
  try {
    const match = /\/sets\/([A-Za-z0-9_-]{32})\/?$/.exec(new URL(link, 'http://localhost').pathname)
    return match?.[1] ?? null
  } catch {
    return null
  }
}
