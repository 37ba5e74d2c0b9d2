'use client'

import { canRequest, canSpeak, type Role } from '@mockroom/access'
import type { SessionState } from '@mockroom/session-model'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { useTranscript } from './use-transcript'
import type { SendControl } from '../session/use-control-action'
import { LiveCaptions } from './live-captions'
import { NoteForm } from './note-form'
import { TranscribeToggle } from './transcribe-toggle'
import { TranscriptLines } from './transcript-lines'

interface Props {
  role: Role
  state: SessionState
  controlDoc: Y.Doc | null
  /** the answer document's awareness: captions travel there */
  awareness: Awareness | null
  sendControl: SendControl
  clockOffset: number
}

// Default export: the room loads it with next/dynamic once it has painted.
export default function RoomTranscript(props: Props) {
  const { role, state, controlDoc, awareness, sendControl, clockOffset } = props
  const segments = useTranscript(controlDoc)
  // before the start there is no zero yet: count from the first line until there is
  const origin = state.startedAt ?? segments[0]?.startMs ?? 0
  // the server takes no more lines once the interview is over
  const open = state.status !== 'ended'

  return (
    <section className="panel transcript" aria-labelledby="transcript-title">
      <h2 id="transcript-title">Transcript</h2>
      {open && canSpeak(role) && (
        <TranscribeToggle
          awareness={awareness}
          sendControl={sendControl}
          clockOffset={clockOffset}
          canNote={canRequest(role, 'note')}
        />
      )}
      <LiveCaptions awareness={awareness} />
      <TranscriptLines segments={segments} origin={origin} />
      {open && canRequest(role, 'note') && <NoteForm sendControl={sendControl} />}
    </section>
  )
}
