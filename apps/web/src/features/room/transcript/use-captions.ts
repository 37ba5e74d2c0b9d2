import type { Awareness } from 'y-protocols/awareness'
import { isRecord } from '../../../lib/api-error'
import { useAwarenessValue } from '../session/use-awareness-value'

export interface Caption {
  clientId: number
  name: string
  text: string
}

// Other people's interim speech as a JSON string: a primitive snapshot, so cursor moves (which
// also fire awareness "change") re-render nothing unless a caption changed.
function snapshot(awareness: Awareness | null): string {
  if (!awareness) return '[]'
  const captions: Caption[] = []
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return
    const caption = isRecord(state.caption) ? state.caption : null
    if (!caption || typeof caption.text !== 'string' || !caption.text) return
    const user = isRecord(state.user) ? state.user : null
    const name = typeof user?.name === 'string' && user.name ? user.name : 'Someone'
    captions.push({ clientId, name, text: caption.text })
  })
  return JSON.stringify(captions.sort((a, b) => a.clientId - b.clientId))
}

/** What the others are saying right now (their recognisers' interim results). */
export function useCaptions(awareness: Awareness | null): Caption[] {
  return useAwarenessValue<Caption[]>(awareness, snapshot)
}
