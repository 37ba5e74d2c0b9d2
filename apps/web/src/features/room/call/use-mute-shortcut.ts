import { useEffect, useEffectEvent } from 'react'

export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent)
}

export function muteShortcutLabel(): string {
  return isMacPlatform() ? '⌘D' : 'Ctrl+D'
}

// Ctrl+D (⌘D on macOS) toggles the microphone anywhere in the room, editors included (hence the
// capture phase: an editor cannot swallow it). It would otherwise bookmark the page.
export function useMuteShortcut(onToggle: () => void): void {
  const toggle = useEffectEvent(onToggle)
  useEffect(() => {
    const mac = isMacPlatform()
    const onKeyDown = (event: KeyboardEvent) => {
      const isD = event.code === 'KeyD' || event.key.toLowerCase() === 'd'
      const modifier = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
      if (!isD || !modifier || event.altKey || event.shiftKey) return
      event.preventDefault()
      if (!event.repeat) toggle()
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true })
  }, [])
}
