import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Store } from '@mockroom/store'

/**
 * A sentence spoken by espeak-ng, with silence around it, as a browser records it (Opus in
 * WebM): what a candidate's track holds.
 */
export function spokenTrack(sentence: string, silenceSeconds = 2): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'mockroom-speech-'))
  const wav = join(dir, 'speech.wav')
  const webm = join(dir, 'speech.webm')
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '130', '-w', wav, sentence])
  const pad = `adelay=${silenceSeconds * 1000},apad=pad_dur=${silenceSeconds}`
  execFileSync(
    'ffmpeg',
    ['-v', 'error', '-y', '-i', wav, '-af', pad, '-ar', '48000'].concat([
      '-c:a',
      'libopus',
      '-b:a',
      '32k',
      webm,
    ]),
  )
  return new Uint8Array(readFileSync(webm))
}

/** a finished track in the store, as the recording path leaves it, and its job queued */
export async function storedTrack(
  store: Store,
  track: {
    trackId: string
    sessionId: string
    participantId: string
    name: string
    startedAt: number
  },
  audio: Uint8Array,
) {
  const put = await store.recordings.putChunk({
    ...track,
    requestId: 'request-1',
    role: 'candidate',
    mimeType: 'audio/webm',
    seq: 0,
    data: audio,
    now: track.startedAt,
  })
  if (!('stored' in put) || !put.stored) throw new Error('the chunk was not stored')
  await store.recordings.saveFile(
    track.trackId,
    { bytes: audio, mimeType: 'audio/webm', durationMs: null },
    track.startedAt + 1,
  )
  await store.transcription.enqueue(track, track.startedAt + 2)
}
