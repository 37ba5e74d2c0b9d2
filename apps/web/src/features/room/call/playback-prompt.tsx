import { useAudioPlayback } from '@livekit/components-react'

// Browsers may hold back sound until the page gets a click (e.g. after a reload into the room).
export function PlaybackPrompt() {
  const { canPlayAudio, startAudio } = useAudioPlayback()
  if (canPlayAudio) return null
  return (
    <div className="playback-prompt">
      <p className="hint">Your browser paused the call&apos;s sound.</p>
      <button type="button" className="button button--primary" onClick={() => void startAudio()}>
        Start audio
      </button>
    </div>
  )
}
