import { type ControlAction } from '@mockroom/protocol'
import { useEffect, useEffectEvent, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { SendControl } from '../session/use-control-action'
import { readResults, speechRecognitionConstructor } from './speech-recognition'

export interface SpeechTranscriptionOptions {
  /** the person's toggle: recognition runs only while it is on */
  enabled: boolean
  /** the answer document's awareness: interim text goes out as our `caption` field */
  awareness: Awareness | null
  sendControl: SendControl
  /** server clock minus ours: transcript times are server time */
  clockOffset: number
  /** the browser refused the microphone or the recognition service: the toggle turns off */
  onBlocked: (message: string) => void
}

export interface SpeechTranscription {
  supported: boolean
  /** the last line the server did not take, for a role="alert" next to the toggle */
  error: string | null
}

const blockedErrors = new Set(['not-allowed', 'service-not-allowed', 'audio-capture'])
const blockedMessage =
  'Speech recognition could not use your microphone. Allow the microphone for this site and turn transcription on again.'

// Chrome ends a "continuous" recognition after a silence or about a minute, and on network
// errors: restart while the toggle is on, backing off when it keeps failing straight away.
const restartDelay = (failures: number) => Math.min(5_000, 250 * 2 ** failures)

export function useSpeechTranscription(options: SpeechTranscriptionOptions): SpeechTranscription {
  const { enabled, awareness } = options
  const [Recognition] = useState(speechRecognitionConstructor)
  const [error, setError] = useState<string | null>(null)

  const serverNow = useEffectEvent(() => Date.now() + options.clockOffset)
  const sendLine = useEffectEvent((action: Extract<ControlAction, { type: 'transcript' }>) => {
    void options.sendControl(action).then((result) => {
      setError(result.ok ? null : `A line could not be added to the transcript: ${result.error}`)
    })
  })
  const blocked = useEffectEvent(() => options.onBlocked(blockedMessage))

  useEffect(() => {
    if (!enabled || !Recognition) return
    const recognition = new Recognition()
    recognition.continuous = true
    recognition.interimResults = true
    recognition.lang = navigator.language || 'en-US'
    let stopped = false
    let failures = 0
    let restart: ReturnType<typeof setTimeout> | undefined
    // server time of the first words of the utterance being heard, for the line's startMs
    let utteranceStart: number | null = null
    const setCaption = (text: string) =>
      awareness?.setLocalStateField('caption', text ? { text, at: serverNow() } : null)

    recognition.onresult = (event) => {
      failures = 0
      const now = serverNow()
      utteranceStart ??= now
      const { finals, interim } = readResults(event)
      if (finals.length > 0) {
        sendLine({
          type: 'transcript',
          startMs: utteranceStart,
          endMs: now,
          text: finals.join(' '),
        })
        utteranceStart = interim ? now : null
      }
      setCaption(interim)
    }
    recognition.onerror = (event) => {
      if (event.error && blockedErrors.has(event.error)) {
        stopped = true
        blocked()
      } else if (event.error !== 'no-speech' && event.error !== 'aborted') failures++
    }
    recognition.onend = () => {
      setCaption('')
      utteranceStart = null
      if (stopped) return
      restart = setTimeout(() => {
        try {
          recognition.start()
        } catch {
          // already started (a late onend): nothing to do
        }
      }, restartDelay(failures))
    }
    try {
      recognition.start()
    } catch {
      blocked()
    }
    return () => {
      stopped = true
      clearTimeout(restart)
      recognition.onresult = null
      recognition.onerror = null
      recognition.onend = null
      recognition.abort()
      setCaption('')
    }
  }, [enabled, awareness, Recognition])

  return { supported: Recognition !== null, error }
}
