import { useRoomContext } from '@livekit/components-react'
import { useLocalRecorder, type LocalRecording } from './use-local-recorder'

// Renders nothing: while the server says we are recorded, our published microphone is.
export function LocalRecorder({ recording }: { recording: LocalRecording }) {
  useLocalRecorder(useRoomContext(), recording)
  return null
}
