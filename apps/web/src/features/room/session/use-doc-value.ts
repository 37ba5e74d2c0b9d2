import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

// A value derived from a Y.Doc, re-read on every update (`read` and `fallback` must be stable). The read result is cached between
// updates because useSyncExternalStore needs the same object back until something changed.
export function useDocValue<T>(doc: Y.Doc | null, read: (doc: Y.Doc) => T, fallback: T): T {
  const cache = useMemo(() => ({ value: doc ? read(doc) : fallback }), [doc, read, fallback])
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {}
      // the doc may have changed between render and subscribing (a sync arriving)
      cache.value = read(doc)
      const onUpdate = () => {
        cache.value = read(doc)
        onChange()
      }
      doc.on('update', onUpdate)
      return () => doc.off('update', onUpdate)
    },
    [doc, read, cache],
  )
  return useSyncExternalStore(
    subscribe,
    () => cache.value,
    () => fallback,
  )
}
