'use client'

import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'

/**
 * A value derived from everyone's awareness state, re-read on every awareness change. `read`
 * returns JSON so that React sees a stable snapshot (a string) and re-renders only when it changes.
 */
export function useAwarenessValue<T>(
  awareness: Awareness | null,
  read: (a: Awareness | null) => string,
): T {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!awareness) return () => {}
      awareness.on('change', onChange)
      return () => awareness.off('change', onChange)
    },
    [awareness],
  )
  const json = useSyncExternalStore(
    subscribe,
    () => read(awareness),
    () => '[]',
  )
  return useMemo(() => JSON.parse(json) as T, [json])
}
