// Helpers for the recording suites: a seeded round whose speakers joined, consent through real
// control requests, a real WebM (ffmpeg) cut into chunks, and a hand-written chunk uploader.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Store } from '@mockroom/store'
import { controlClient } from './control-kit'
import { tempDataDir, token } from './test-kit'

/** The interviewer and candidate of ses1 joined it (what the web's join records). */
export async function joinSpeakers(store: Store) {
  for (const role of ['interviewer', 'candidate'] as const)
    await store.members.recordMember(
      { sessionId: 'ses1', participantId: `${role}-1`, role },
      Date.now(),
    )
}

/** Asks to record as the interviewer, then each role in `answers` answers; the request id. */
export async function consent(port: number, store: Store, answers: Record<string, boolean>) {
  const ida = await controlClient(port, 'ses1', await token('interviewer'))
  const asked = await ida.send({ type: 'recording-ask', shownText: 'Record audio of everyone?' })
  if (!asked.ok) throw new Error(asked.error)
  const clients = [ida]
  const requestId = (await store.recordings.latestRequest('ses1'))?.id ?? ''
  for (const [role, allow] of Object.entries(answers)) {
    const c = await controlClient(port, 'ses1', await token(role as 'candidate'))
    clients.push(c)
    const r = await c.send({
      type: 'recording-answer',
      requestId,
      allow,
      shownText: 'Ida asks to record audio.',
    })
    if (!r.ok) throw new Error(r.error)
  }
  return { requestId, ida, close: () => clients.forEach((c) => c.raw.ws.close()) }
}

/** A real WebM/Opus file of `seconds` (ffmpeg's sine), cut into `parts` byte ranges. */
export function webmChunks(seconds: number, parts: number): { whole: Buffer; chunks: Buffer[] } {
  const file = join(tempDataDir(), 'tone.webm')
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:duration=${seconds}`,
    '-c:a',
    'libopus',
    file,
  ])
  const whole = readFileSync(file)
  const size = Math.ceil(whole.length / parts)
  const chunks = Array.from({ length: parts }, (_, i) => whole.subarray(i * size, (i + 1) * size))
  return { whole, chunks }
}

export interface ChunkPut {
  port: number
  token: string | null
  trackId?: string
  seq: number | string
  body: Uint8Array
  sessionId?: string
  mimeType?: string
  startedAt?: number
}

/** PUT one chunk as a browser does; resolves with the status and the JSON answer. */
export async function putChunk(c: ChunkPut): Promise<{ status: number; body: unknown }> {
  const res = await fetch(
    `http://127.0.0.1:${c.port}/sessions/${c.sessionId ?? 'ses1'}/tracks/${c.trackId ?? 'track-0001'}/chunks/${c.seq}`,
    {
      method: 'PUT',
      headers: {
        'content-type': c.mimeType ?? 'audio/webm;codecs=opus',
        'x-started-at': String(c.startedAt ?? Date.now()),
        ...(c.token ? { authorization: `Bearer ${c.token}` } : {}),
      },
      body: new Uint8Array(c.body),
    },
  )
  return { status: res.status, body: await res.json() }
}

export async function endTrack(port: number, tok: string, trackId = 'track-0001') {
  const res = await fetch(`http://127.0.0.1:${port}/sessions/ses1/tracks/${trackId}/end`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tok}` },
  })
  return { status: res.status, body: await res.json() }
}
