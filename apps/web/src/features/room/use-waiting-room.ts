import { useCallback, useEffect, useState } from 'react'
import { describeFailure } from '../../lib/api-error'
import { decideAdmission, fetchWaiting, type WaitingPerson } from './waiting-room-api'

// how often the interviewer's People panel asks who is waiting
const WAITING_POLL_MS = 2000

export interface WaitingRoom {
  waiting: WaitingPerson[]
  decide: (person: WaitingPerson, decision: 'admit' | 'turn-away') => Promise<void>
  error: string | null
}

/** The interviewer's view of the waiting room: polled while `enabled`, decided by a click. */
export function useWaitingRoom(roomId: string, token: string, enabled: boolean): WaitingRoom {
  const [waiting, setWaiting] = useState<WaitingPerson[]>([])
  const [error, setError] = useState<string | null>(null)
  const [tick, setTick] = useState(0)

  useEffect(() => {
    if (!enabled) return
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      try {
        setWaiting(await fetchWaiting(roomId, token, controller.signal))
      } catch {
        // keep the last list; the next poll tries again
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void poll(), WAITING_POLL_MS)
    }
    void poll()
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [roomId, token, enabled, tick])

  const decide = useCallback(
    async (person: WaitingPerson, decision: 'admit' | 'turn-away') => {
      setError(null)
      try {
        await decideAdmission(roomId, token, person.id, decision)
        setWaiting((list) => list.filter((p) => p.id !== person.id))
      } catch (err) {
        setError(describeFailure(err, 'That did not work. Please try again.'))
      }
      setTick((t) => t + 1)
    },
    [roomId, token],
  )

  return { waiting, decide, error }
}
