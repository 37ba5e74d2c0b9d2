'use client'

import type { RecordedAudio } from '@mockroom/session-model'
import { useEffect, useRef, useState } from 'react'
import { audioUrl, deleteMyAudio } from './audio-url'
import { identityStorage } from '../../lib/identity-storage'
import { ConfirmButton } from '../../ui/confirm-button'
import type { Playback } from './use-playback'

type Track = RecordedAudio['tracks'][number]

// the replay clock and an <audio> element may drift this far before the audio is moved
const DRIFT_S = 0.35

/**
 * Keeps one track's <audio> on the replay clock: it plays while the replay plays over its span
 * (at the replay's speed), is moved when the replay is moved, and is silent elsewhere.
 */
function useTrackSync(el: HTMLAudioElement | null, track: Track, playback: Playback) {
  const { time, speed } = playback
  useEffect(() => {
    if (!el) return
    const at = (time - track.startedAt) / 1000
    const length = track.durationMs !== null ? track.durationMs / 1000 : el.duration
    const inside = at >= 0 && (!Number.isFinite(length) || at < length)
    if (inside && Math.abs(el.currentTime - at) > DRIFT_S) el.currentTime = at
    if (speed !== null && inside) {
      el.playbackRate = speed
      if (el.paused) void el.play().catch(() => {})
    } else if (!el.paused) el.pause()
  }, [el, time, speed, track.startedAt, track.durationMs])
}

function TrackPlayer(props: { track: Track; src: string; playback: Playback }) {
  const { track, src, playback } = props
  const [el, setEl] = useState<HTMLAudioElement | null>(null)
  const [muted, setMuted] = useState(false)
  useTrackSync(el, track, playback)
  return (
    <li className="review-audio__track">
      <audio
        ref={setEl}
        src={src}
        preload="auto"
        muted={muted}
        aria-label={`${track.name}'s audio`}
        data-track-id={track.trackId}
      />
      <span>
        {track.name} <span className="hint">({track.role})</span>
      </span>
      <button
        type="button"
        className="button button--small"
        aria-pressed={muted}
        onClick={() => setMuted((m) => !m)}
      >
        Mute {track.name}
      </button>
    </li>
  )
}

interface Props {
  audio: RecordedAudio | undefined
  playback: Playback
  capability: string
  sessionId: string
}

// The recorded voices of the round, one per speaker's track, placed on the session clock by each
// track's first sample: the replay's play, seek and transcript lines move them too.
export function ReviewAudio({ audio, playback, capability, sessionId }: Props) {
  const tracks = audio?.tracks ?? []
  // this browser's person on that link: their own audio can be deleted (the server checks it)
  const [viewerId] = useState(() => identityStorage.loadParticipantId(capability) ?? null)
  const [message, setMessage] = useState('')
  const [gone, setGone] = useState(false)
  const busy = useRef(false)
  if (tracks.length === 0) return null
  const mine = viewerId !== null && tracks.some((t) => t.participantId === viewerId)
  const remove = async () => {
    if (busy.current) return
    busy.current = true
    try {
      const n = await deleteMyAudio(capability, sessionId)
      setGone(true)
      setMessage(`Your audio was deleted (${n} ${n === 1 ? 'recording' : 'recordings'}).`)
    } catch (err) {
      setMessage(err instanceof Error ? err.message : 'Your audio could not be deleted.')
    } finally {
      busy.current = false
    }
  }
  return (
    <div className="review-audio" role="group" aria-label="Recorded audio">
      <p className="hint">Recorded audio plays with the replay at 1x; mute a voice below.</p>
      <ul className="review-audio__tracks">
        {tracks
          .filter((t) => !(gone && t.participantId === viewerId))
          .map((t) => (
            <TrackPlayer
              key={t.trackId}
              track={t}
              src={audioUrl(capability, sessionId, t.trackId)}
              playback={playback}
            />
          ))}
      </ul>
      {mine && !gone && (
        <ConfirmButton
          label="Delete my audio"
          question="Delete your recordings of this round and the transcript made from them? This cannot be undone."
          confirmLabel="Yes, delete my audio"
          className="button button--small"
          onConfirm={() => void remove()}
        />
      )}
      <p role="status" className="hint">
        {message}
      </p>
    </div>
  )
}
