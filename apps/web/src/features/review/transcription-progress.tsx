import type { TranscriptionStatus } from '@mockroom/session-model'

const percent = (p: number) => `${Math.floor(p * 100)}%`

/** One line on where the server's transcription of the recordings stands. */
export function TranscriptionProgress({ status }: { status: TranscriptionStatus | undefined }) {
  const tracks = status?.tracks ?? []
  const pending = tracks.filter((t) => t.status === 'queued' || t.status === 'running')
  const failed = tracks.filter((t) => t.status === 'failed')
  if (pending.length === 0 && failed.length === 0) return null
  const parts = pending.map((t) =>
    t.status === 'queued' ? `${t.name}: waiting` : `${t.name}: ${percent(t.progress)}`,
  )
  return (
    <div className="transcription-progress">
      {pending.length > 0 && (
        <p role="status" aria-busy="true" className="hint">
          Transcribing the recording, {percent(average(pending))} ({parts.join(', ')}). New lines
          appear here when it is done.
        </p>
      )}
      {failed.length > 0 && (
        <p role="alert" className="alert">
          The recording of {failed.map((t) => t.name).join(' and ')} could not be transcribed; the
          audio is kept.
        </p>
      )}
    </div>
  )
}

const average = (tracks: TranscriptionStatus['tracks']) =>
  tracks.reduce((n, t) => n + (t.status === 'running' ? t.progress : 0), 0) / tracks.length
