import { supportsAudioOutputSelection } from 'livekit-client'
import { saveMicPreference } from './mic-preference'
import { DeviceSelect } from './device-select'

// Microphone (for those who speak) and speaker (where the browser can route audio: setSinkId).
export function CallDevices({ speaks }: { speaks: boolean }) {
  // LiveKit's device observer throws outside secure contexts (https or localhost)
  if (!window.isSecureContext) return null
  const speakerChoice = supportsAudioOutputSelection()
  if (!speaks && !speakerChoice) return null
  return (
    <div className="call-devices">
      {speaks && <DeviceSelect kind="audioinput" label="Microphone" onPicked={saveMicPreference} />}
      {speakerChoice && <DeviceSelect kind="audiooutput" label="Speaker" />}
    </div>
  )
}
