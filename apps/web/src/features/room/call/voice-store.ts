// Who is speaking or muted in the call, by participant id (= LiveKit identity). The call panel
// (its own lazy chunk) writes here; the presence list reads one entry per person. Kept free of
// livekit-client so the room's first chunk stays small.

export interface Voice {
  speaking: boolean
  /** has a microphone track that is muted */
  muted: boolean
  /** publishes a microphone track at all (observers and people without a mic do not) */
  hasMic: boolean
  /** 0–1: what we hear of them (remote) or what the server hears of us (local) */
  level: number
}

export interface VoiceStore {
  get: (participantId: string) => Voice | undefined
  set: (participantId: string, voice: Voice) => void
  remove: (participantId: string) => void
  subscribe: (onChange: () => void) => () => void
}

const same = (a: Voice, b: Voice) =>
  a.speaking === b.speaking && a.muted === b.muted && a.hasMic === b.hasMic && a.level === b.level

export function createVoiceStore(): VoiceStore {
  const voices = new Map<string, Voice>()
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((listener) => listener())
  return {
    get: (id) => voices.get(id),
    set: (id, voice) => {
      const current = voices.get(id)
      // keep the old object when nothing changed: useSyncExternalStore compares snapshots by identity
      if (current && same(current, voice)) return
      voices.set(id, voice)
      notify()
    },
    remove: (id) => {
      if (voices.delete(id)) notify()
    },
    subscribe: (onChange) => {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
  }
}
