import { useMediaDeviceSelect, useRoomContext } from '@livekit/components-react'
import { useId, useState } from 'react'

interface Props {
  kind: 'audioinput' | 'audiooutput'
  label: string
  /** remembers the choice for the next visit */
  onPicked?: (deviceId: string) => void
}

// Switches the call's microphone or speaker while in the call (or before it connects).
export function DeviceSelect({ kind, label, onPicked }: Props) {
  const id = useId()
  const call = useRoomContext()
  const [failed, setFailed] = useState(false)
  // requestPermissions false: never prompt from here (observers never granted the microphone)
  const { devices, activeDeviceId, setActiveMediaDevice } = useMediaDeviceSelect({
    kind,
    room: call,
    requestPermissions: false,
  })
  // without a permission the browser lists nameless, id-less placeholders: nothing to choose from
  const choices = devices.filter((device) => device.deviceId !== '')
  if (choices.length === 0) return null
  const value = choices.some((device) => device.deviceId === activeDeviceId)
    ? activeDeviceId
    : (choices.find((device) => device.deviceId === 'default') ?? choices[0])?.deviceId

  return (
    <div className="field">
      <label htmlFor={`${id}-device`}>{label}</label>
      <select
        id={`${id}-device`}
        value={value}
        onChange={(event) => {
          const deviceId = event.target.value
          setFailed(false)
          setActiveMediaDevice(deviceId).then(
            () => onPicked?.(deviceId),
            () => setFailed(true),
          )
        }}
      >
        {choices.map((device, index) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || `${label} ${index + 1}`}
          </option>
        ))}
      </select>
      {failed && <p className="hint">That device could not be used; the previous one stays on.</p>}
    </div>
  )
}
