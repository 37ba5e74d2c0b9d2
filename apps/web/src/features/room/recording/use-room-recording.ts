import { readRecording, recordingOff, type RecordingView } from '@mockroom/session-model'
import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { useDocValue } from '../session/use-doc-value'
import { ChunkUploader } from './chunk-uploader'
import type { LocalRecording } from './use-local-recorder'

export interface RoomRecording {
  view: RecordingView
  /** chunks of this device not yet confirmed */
  pending: number
  /** what the call panel's recorder needs (null for observers) */
  local: LocalRecording | null
}

/** The sync server's HTTP origin and path prefix, from its WebSocket URL. */
export const syncHttpBase = (syncUrl: string) => syncUrl.replace(/^ws/, 'http').replace(/\/$/, '')

/**
 * The recording state from the control document, and this device's uploader: it starts at once
 * (sending chunks a closed tab left in IndexedDB) and lives as long as the room.
 */
export function useRoomRecording(o: {
  controlDoc: Y.Doc | null
  syncUrl: string
  sessionId: string
  participantId: string
  token: string
  speaks: boolean
  ended: boolean
  clockOffset: number
}): RoomRecording {
  const view = useDocValue(o.controlDoc, readRecording, recordingOff)
  const token = useRef(o.token)
  useEffect(() => {
    token.current = o.token
  }, [o.token])
  const [pending, setPending] = useState(0)
  const [uploader, setUploader] = useState<ChunkUploader | null>(null)
  const { syncUrl, sessionId, speaks } = o
  useEffect(() => {
    if (!speaks) return
    const u = new ChunkUploader({
      baseUrl: syncHttpBase(syncUrl),
      sessionId,
      token: () => token.current,
      onPending: setPending,
    })
    setUploader(u)
    u.kick()
    // back online: what failed meanwhile goes now
    const online = () => u.kick()
    window.addEventListener('online', online)
    return () => {
      window.removeEventListener('online', online)
      u.stop()
    }
  }, [syncUrl, sessionId, speaks])
  const me = view.people.find((p) => p.participantId === o.participantId)
  const active = view.status === 'recording' && me?.answer === 'allow' && !o.ended
  return {
    view,
    pending,
    local: uploader ? { active, sessionId, clockOffset: o.clockOffset, uploader } : null,
  }
}
