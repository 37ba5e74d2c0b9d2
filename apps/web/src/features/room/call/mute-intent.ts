import { useSyncExternalStore } from 'react'

// The microphone intention for this page, shared by the call panel's button and the pinned bar's
// (a phone shows the bar while the panel is screens away); applied by MicControls when in call.
let muted = false
const listeners = new Set<() => void>()

export function setMuted(value: boolean): void {
  if (value === muted) return
  muted = value
  for (const listener of listeners) listener()
}

export function toggleMuted(): void {
  setMuted(!muted)
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useMuted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => muted,
    () => false,
  )
}
