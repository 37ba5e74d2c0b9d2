import { Track, type Room } from 'livekit-client'
import { useEffect, useEffectEvent } from 'react'
import type { ChunkUploader } from './chunk-uploader'
import { recordingMimeType, TrackRecorder } from './track-recorder'

export interface LocalRecording {
  /** the server says we are recorded now (everyone allowed, we did too, not ended) */
  active: boolean
  sessionId: string
  /** server clock minus ours */
  clockOffset: number
  uploader: ChunkUploader
}

// how often the published microphone is looked at: a replaced track starts a new segment
const WATCH_MS = 500

/** Records our own published microphone while `active`; a replaced track gets a new segment. */
export function useLocalRecorder(call: Room, rec: LocalRecording): void {
  const { active, sessionId, uploader } = rec
  const serverNow = useEffectEvent(() => Date.now() + rec.clockOffset)

  useEffect(() => {
    if (!active) return
    const mimeType = recordingMimeType()
    if (!mimeType) return
    let current: TrackRecorder | null = null
    const micTrack = () =>
      call.localParticipant.getTrackPublication(Track.Source.Microphone)?.track?.mediaStreamTrack
    const watch = () => {
      const track = micTrack()
      if (current && (current.track !== track || !current.recording)) {
        void current.stop()
        current = null
      }
      if (!current && track && track.readyState === 'live') {
        current = new TrackRecorder(track, {
          sessionId,
          mimeType,
          serverNow,
          onQueued: () => uploader.kick(),
          live: uploader.live,
        })
      }
    }
    watch()
    const timer = setInterval(watch, WATCH_MS)
    return () => {
      clearInterval(timer)
      void current?.stop()
    }
  }, [call, active, sessionId, uploader])
}
