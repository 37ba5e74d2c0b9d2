import { useRoomContext } from '@livekit/components-react'
import { useTalkReporter, type TalkReporting } from './use-talk-reporter'

// Renders nothing: while we are in the call, our speaking spans go to the session's talk time.
export function TalkReporter({ talk }: { talk: TalkReporting }) {
  useTalkReporter(useRoomContext(), talk)
  return null
}
