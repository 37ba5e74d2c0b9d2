'use client'

import { useId } from 'react'
import { useMicPreview } from './use-mic-preview'
import { LevelMeter } from './level-meter'

// The lobby's microphone check. A default export so the lobby can load it with next/dynamic:
// none of this is needed to render the lobby itself.
export default function MicCheck() {
  const id = useId()
  const { preview, level, select, retry } = useMicPreview()

  return (
    <div className="mic-check">
      {preview.status === 'failed' ? (
        <>
          <p role="alert" className="alert">
            {preview.message}
          </p>
          <button type="button" className="button" onClick={retry}>
            Check the microphone again
          </button>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-mic`}>Microphone</label>
            <select
              id={`${id}-mic`}
              value={preview.status === 'live' ? preview.deviceId : ''}
              onChange={(event) => select(event.target.value)}
              disabled={preview.status !== 'live'}
            >
              {preview.status === 'live' ? (
                preview.devices.map((device) => (
                  <option key={device.deviceId} value={device.deviceId}>
                    {device.label}
                  </option>
                ))
              ) : (
                <option value="">Asking for your microphone…</option>
              )}
            </select>
          </div>
          <LevelMeter label="Microphone level" value={level} />
          <p className="hint">Say something: the bar should move.</p>
        </>
      )}
    </div>
  )
}
