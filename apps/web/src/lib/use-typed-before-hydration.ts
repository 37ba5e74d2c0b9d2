import { useEffect, type RefObject } from 'react'

// Text typed into a server-rendered input before React hydrated is in the DOM but not in state;
// hand it to state once on mount so the form does not ignore it. `onValue` must be stable.
export function useTypedBeforeHydration(
  ref: RefObject<HTMLInputElement | null>,
  onValue: (value: string) => void,
): void {
  useEffect(() => {
    const typed = ref.current?.value ?? ''
    if (typed !== '') onValue(typed)
  }, [ref, onValue])
}
