import { RemoteAudioTrack, Track, type Participant } from 'livekit-client'
import { useEffect, useState } from 'react'

const POLL_MS = 500

// How loud someone's microphone is here, 0–1, two decimals. For a remote person it is what we
// actually receive and decode (RTP receiver stats: energy over duration since the last poll), so it
// proves the track is subscribed and flowing; for ourselves it is the level the server reports.
export function useAudioLevel(participant: Participant): number {
  const [level, setLevel] = useState(0)

  useEffect(() => {
    let last: { energy: number; duration: number } | null = null
    let stopped = false
    const probe = async (): Promise<number> => {
      if (participant.isLocal) return participant.audioLevel
      const track = participant.getTrackPublication(Track.Source.Microphone)?.track
      if (!(track instanceof RemoteAudioTrack)) return 0
      const stats = await track.getReceiverStats()
      const energy = stats?.totalAudioEnergy
      const duration = stats?.totalSamplesDuration
      if (energy === undefined || duration === undefined) return 0
      const previous = last
      last = { energy, duration }
      if (!previous || duration <= previous.duration) return 0
      return Math.sqrt(Math.max(energy - previous.energy, 0) / (duration - previous.duration))
    }
    const timer = setInterval(() => {
      probe().then(
        (value) => {
          if (!stopped) setLevel(Math.round(Math.min(value, 1) * 100) / 100)
        },
        () => {},
      )
    }, POLL_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [participant])

  return level
}
