import { useCallback, useEffect, useRef, useState } from 'react'

const KEY = 'mockroom.waiting-sound'

export interface WaitingSound {
  allowed: boolean
  setAllowed: (allowed: boolean) => void
  /** a short, soft two-note tone, only if the interviewer allowed sounds */
  play: () => void
}

// The interviewer's choice, kept in this browser. The audio context is made on the click that
// allows sounds: browsers refuse to start audio without a gesture.
export function useWaitingSound(): WaitingSound {
  const [allowed, setAllowedState] = useState(false)
  const context = useRef<AudioContext | null>(null)
  useEffect(() => {
    setAllowedState(readAllowed())
  }, [])
  const setAllowed = useCallback((value: boolean) => {
    setAllowedState(value)
    try {
      window.localStorage.setItem(KEY, value ? '1' : '0')
    } catch {
      // storage blocked: the choice lasts for this page only
    }
    if (value && !context.current && typeof AudioContext !== 'undefined')
      context.current = new AudioContext()
  }, [])
  const play = useCallback(() => {
    if (!allowed || typeof AudioContext === 'undefined') return
    context.current ??= new AudioContext()
    softTone(context.current)
  }, [allowed])
  return { allowed, setAllowed, play }
}

function readAllowed(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1'
  } catch {
    return false
  }
}

function softTone(audio: AudioContext) {
  void audio.resume().catch(() => undefined)
  const start = audio.currentTime
  const gain = audio.createGain()
  gain.gain.setValueAtTime(0.0001, start)
  gain.gain.exponentialRampToValueAtTime(0.06, start + 0.03)
  gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.45)
  gain.connect(audio.destination)
  const tone = audio.createOscillator()
  tone.type = 'sine'
  tone.frequency.setValueAtTime(660, start)
  tone.frequency.setValueAtTime(880, start + 0.18)
  tone.connect(gain)
  tone.start(start)
  tone.stop(start + 0.5)
}
