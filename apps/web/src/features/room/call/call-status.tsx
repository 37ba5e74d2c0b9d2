import {
  useConnectionQualityIndicator,
  useConnectionState,
  useRoomContext,
} from '@livekit/components-react'
import { ConnectionQuality, ConnectionState } from 'livekit-client'
import type { CallState } from './call-connector'

function statusText(state: CallState, connection: ConnectionState): string {
  switch (state.phase) {
    case 'connecting':
      return 'Connecting to the call…'
    case 'offline':
      return state.cause === 'starting' ? 'Call server starting…' : 'Audio offline'
    case 'stopped':
      return 'Not in the call'
    case 'connected':
      return connection === ConnectionState.Connected ? 'In the call' : 'Reconnecting…'
  }
}

const qualityWords: Partial<Record<ConnectionQuality, string>> = {
  [ConnectionQuality.Excellent]: 'good',
  [ConnectionQuality.Good]: 'good',
  [ConnectionQuality.Poor]: 'poor',
  [ConnectionQuality.Lost]: 'lost',
}

// One short phrase in a polite live region, plus how good our link to the call server is.
export function CallStatus({ state }: { state: CallState }) {
  const call = useRoomContext()
  const connection = useConnectionState(call)
  const { quality } = useConnectionQualityIndicator({ participant: call.localParticipant })
  const text = statusText(state, connection)
  const inCall = text === 'In the call'
  const words = inCall ? qualityWords[quality] : undefined
  const tone = inCall ? (words === 'poor' || words === 'lost' ? 'warn' : 'ok') : state.phase

  return (
    <div className={`call-status call-status--${tone}`}>
      <p role="status" aria-label="Call status" className="call-status__state">
        {text}
      </p>
      {words && <p className="call-status__quality">Connection: {words}</p>}
    </div>
  )
}
