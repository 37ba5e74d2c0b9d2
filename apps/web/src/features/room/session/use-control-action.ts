import { type ControlAction, type ControlResult } from '@mockroom/protocol'
import { useCallback, useState } from 'react'

export type SendControl = (action: ControlAction) => Promise<ControlResult>

export interface ControlActionState {
  /** sends the action; true when the server applied it */
  run: (action: ControlAction) => Promise<boolean>
  busy: boolean
  /** the server's person-readable refusal, for a role="alert" next to the control */
  error: string | null
}

// One control's request state: a busy flag against double clicks and the last refusal.
export function useControlAction(send: SendControl): ControlActionState {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = useCallback(
    async (action: ControlAction) => {
      setBusy(true)
      setError(null)
      const result = await send(action)
      setBusy(false)
      if (!result.ok) setError(result.error)
      return result.ok
    },
    [send],
  )
  return { run, busy, error }
}
