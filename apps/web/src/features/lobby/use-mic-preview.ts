import { useCallback, useEffect, useState } from 'react'
import { canUseMicrophone, describeMicError, MIC_INSECURE } from '../room/call/describe-mic-error'
import { loadMicPreference, saveMicPreference } from '../room/call/mic-preference'
import { startLevelMeter } from './start-level-meter'

export interface MicDevice {
  deviceId: string
  label: string
}

export type MicPreview =
  | { status: 'starting' }
  | { status: 'live'; devices: MicDevice[]; deviceId: string }
  | { status: 'failed'; message: string }

interface Choice {
  deviceId: string | null
  /** a device picked in the list must be that one; a remembered one is only a preference */
  exact: boolean
  attempt: number
}

async function listMicrophones(): Promise<MicDevice[]> {
  const all = await navigator.mediaDevices.enumerateDevices()
  return all
    .filter((device) => device.kind === 'audioinput')
    .map((device, index) => ({
      deviceId: device.deviceId,
      label: device.label || `Microphone ${index + 1}`,
    }))
}

const stopTracks = (stream: MediaStream) => stream.getTracks().forEach((track) => track.stop())

// The lobby's microphone check: one preview stream, its level, the list of inputs. The stream is
// stopped on unmount, i.e. when the lobby gives way to the room.
export function useMicPreview() {
  const [choice, setChoice] = useState<Choice>(() => ({
    deviceId: loadMicPreference(),
    exact: false,
    attempt: 0,
  }))
  const [preview, setPreview] = useState<MicPreview>({ status: 'starting' })
  const [level, setLevel] = useState(0)

  useEffect(() => {
    if (!canUseMicrophone()) {
      setPreview({ status: 'failed', message: MIC_INSECURE })
      return
    }
    let cancelled = false
    let stream: MediaStream | null = null
    let stopMeter = () => {}
    const { deviceId, exact } = choice
    const audio = deviceId ? { deviceId: exact ? { exact: deviceId } : { ideal: deviceId } } : true
    navigator.mediaDevices
      .getUserMedia({ audio })
      .then(async (granted) => {
        if (cancelled) return stopTracks(granted)
        stream = granted
        const devices = await listMicrophones()
        if (cancelled) return
        const track = granted.getAudioTracks()[0]
        setPreview({ status: 'live', devices, deviceId: track?.getSettings().deviceId ?? '' })
        // unplugged: fall back to the default input
        track?.addEventListener('ended', () =>
          setChoice((c) => ({ deviceId: null, exact: false, attempt: c.attempt + 1 })),
        )
        try {
          stopMeter = startLevelMeter(granted, setLevel)
        } catch {
          // no Web Audio: the list still works, the bar stays empty
        }
      })
      .catch((error: unknown) => {
        if (!cancelled) setPreview({ status: 'failed', message: describeMicError(error) })
      })
    return () => {
      cancelled = true
      stopMeter()
      if (stream) stopTracks(stream)
      setLevel(0)
    }
  }, [choice])

  // A headset plugged in while waiting shows up in the list.
  useEffect(() => {
    const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices
    if (!media) return
    const refresh = () =>
      void listMicrophones().then(
        (devices) => setPreview((p) => (p.status === 'live' ? { ...p, devices } : p)),
        () => {},
      )
    media.addEventListener('devicechange', refresh)
    return () => media.removeEventListener('devicechange', refresh)
  }, [])

  const select = useCallback((deviceId: string) => {
    saveMicPreference(deviceId)
    setPreview((p) => (p.status === 'live' ? { ...p, deviceId } : p))
    setChoice((c) => ({ deviceId, exact: true, attempt: c.attempt + 1 }))
  }, [])

  const retry = useCallback(() => {
    setPreview({ status: 'starting' })
    setChoice((c) => ({ ...c, attempt: c.attempt + 1 }))
  }, [])

  return { preview, level, select, retry }
}
