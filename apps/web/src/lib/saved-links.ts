import { isRecord } from './api-error'

// The links this browser created or joined with, so /sessions can list their records later.
// Only the capability is kept (the link is the key to the review too). Storage can throw
// (private mode, disabled cookies): every access degrades to "nothing saved".

const KEY = 'mockroom:links'

export interface SavedLink {
  capability: string
  /** ms since epoch, when this browser last used the link */
  savedAt: number
}

function parse(raw: string | null): SavedLink[] {
  if (!raw) return []
  try {
    const value: unknown = JSON.parse(raw)
    if (!Array.isArray(value)) return []
    return value.filter(
      (v): v is SavedLink =>
        isRecord(v) && typeof v.capability === 'string' && typeof v.savedAt === 'number',
    )
  } catch {
    return []
  }
}

export function loadSavedLinks(): SavedLink[] {
  try {
    return parse(window.localStorage.getItem(KEY))
  } catch {
    return []
  }
}

/** Adds or refreshes one capability (newest first, each capability once). */
export function saveLink(capability: string, now = Date.now()): void {
  if (!capability) return
  const rest = loadSavedLinks().filter((l) => l.capability !== capability)
  try {
    window.localStorage.setItem(KEY, JSON.stringify([{ capability, savedAt: now }, ...rest]))
  } catch {
    // nothing to do: the session is simply not listed on /sessions in this browser
  }
}

/** The capability in a room link (`<origin>/join/<capability>`), or null for anything else. */
export function capabilityOf(link: string): string | null {
  try {
    const match = /\/join\/([^/?#]+)\/?$/.exec(new URL(link, 'http://localhost').pathname)
    return match?.[1] ? decodeURIComponent(match[1]) : null
  } catch {
    return null
  }
}
