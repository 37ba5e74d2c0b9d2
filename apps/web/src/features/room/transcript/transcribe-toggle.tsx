'use client'

import { useId, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { useSpeechTranscription } from './use-speech-transcription'
import type { SendControl } from '../session/use-control-action'

interface Props {
  awareness: Awareness | null
  sendControl: SendControl
  clockOffset: number
  /** the interviewer can type notes instead */
  canNote: boolean
}

// Off until the person turns it on: recognition may send audio to the browser vendor's
// service, which nobody should be opted into silently.
export function TranscribeToggle({ awareness, sendControl, clockOffset, canNote }: Props) {
  const id = useId()
  const [on, setOn] = useState(false)
  const [blocked, setBlocked] = useState<string | null>(null)
  const { supported, error } = useSpeechTranscription({
    enabled: on,
    awareness,
    sendControl,
    clockOffset,
    onBlocked: (message) => {
      setOn(false)
      setBlocked(message)
    },
  })

  return (
    <div className="transcribe">
      <div className="checkbox">
        <input
          id={`${id}-switch`}
          type="checkbox"
          role="switch"
          checked={on}
          disabled={!supported}
          aria-describedby={supported ? undefined : `${id}-unsupported`}
          onChange={(e) => {
            setBlocked(null)
            setOn(e.target.checked)
          }}
        />
        <label htmlFor={`${id}-switch`}>Transcribe my microphone</label>
      </div>
      {!supported && (
        <p id={`${id}-unsupported`} className="hint">
          Live transcription needs a browser with speech recognition (e.g. Chrome)
          {canNote ? '; you can still add notes.' : '.'}
        </p>
      )}
      {on && <p className="hint">Listening: what you say is added to the transcript.</p>}
      {(blocked ?? error) && (
        <p role="alert" className="alert">
          {blocked ?? error}
        </p>
      )}
    </div>
  )
}
