import type { Room } from 'livekit-client'
import { useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react'
import { CallConnector, type CallState } from './call-connector'
import { callDetailsFor } from './call-warmup'

export interface CallConnection {
  state: CallState
  retryNow: () => void
}

// Joins the call on mount, leaves it on unmount. The session token may be renewed meanwhile:
// the connector asks for the current one at each attempt without restarting.
export function useCallConnection(
  call: Room,
  sessionToken: string,
  /** the interview ended: stop for good instead of retrying */
  ended: boolean,
): CallConnection {
  const [connector] = useState(() => new CallConnector(call))
  const currentToken = useEffectEvent(() => sessionToken)

  useEffect(() => {
    connector.start(() => callDetailsFor(currentToken()))
    // no need to wait out the backoff once the network is back
    const wake = () => {
      if (connector.getState().phase === 'offline') connector.retryNow()
    }
    window.addEventListener('online', wake)
    return () => {
      window.removeEventListener('online', wake)
      connector.stop()
    }
  }, [connector])

  useEffect(() => {
    if (ended) connector.end()
  }, [connector, ended])

  const state = useSyncExternalStore(connector.subscribe, connector.getState, connector.getState)
  return { state, retryNow: connector.retryNow }
}
