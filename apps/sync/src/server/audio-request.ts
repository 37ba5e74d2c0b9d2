import type { IncomingMessage, ServerResponse } from 'node:http'
import { MAX_AUDIO_BYTES, type Refusal, type UploadGate, type UploadHead } from './audio-upload'
import type { SyncServer } from './sync-server'
import type { Logger } from '../observability/logger'

// a refused upload's socket is closed this long after the answer, whatever the client still sends
const LINGER_MS = 1_000

/** Answers and drops the connection: the rest of the body is never buffered. */
function refuseNow(req: IncomingMessage, res: ServerResponse, r: Refusal) {
  if (res.headersSent) return
  res.writeHead(r.status, { 'content-type': 'application/json', connection: 'close' })
  res.end(JSON.stringify(r.body), () => {
    setTimeout(() => req.socket.destroy(), LINGER_MS).unref()
  })
}

/**
 * Reads an admitted body, holding the server's audio bytes while it arrives: stops at the cap
 * (413), when the server holds too much audio (503), or when the body is too slow (408).
 */
function readBody(
  req: IncomingMessage,
  gate: UploadGate,
  timeoutMs: number,
): Promise<{ bytes: Buffer } | Refusal> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const finish = (r: { bytes: Buffer } | Refusal) => {
      clearTimeout(timer)
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      if ('status' in r) {
        req.pause()
        gate.free(size)
      }
      resolve(r)
    }
    const onData = (c: Buffer) => {
      if (size + c.length > MAX_AUDIO_BYTES)
        return finish({ status: 413, body: { error: `audio over ${MAX_AUDIO_BYTES} bytes` } })
      if (!gate.hold(c.length))
        return finish({ status: 503, body: { error: 'the server is busy; try again shortly' } })
      size += c.length
      chunks.push(c)
    }
    const onEnd = () => finish({ bytes: Buffer.concat(chunks, size) })
    const onError = () => finish({ status: 400, body: { error: 'the upload broke off' } })
    const timer = setTimeout(
      () => finish({ status: 408, body: { error: 'the audio arrived too slowly' } }),
      timeoutMs,
    )
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
  })
}

/** POST /sessions/<id>/audio: checks from the headers, then the body, then the transcriber. */
export async function handleAudio(
  core: SyncServer,
  req: IncomingMessage,
  res: ServerResponse,
  head: Omit<UploadHead, 'token' | 'mimeType' | 'declaredBytes'>,
  logger: Logger,
) {
  const auth = req.headers.authorization ?? ''
  const declared = req.headers['content-length']
  const admitted = await core.admitUpload({
    ...head,
    token: auth.startsWith('Bearer ') ? auth.slice(7) : null,
    mimeType: req.headers['content-type'] ?? 'application/octet-stream',
    ...(declared !== undefined ? { declaredBytes: Number(declared) } : {}),
  })
  if ('status' in admitted) return refuseNow(req, res, admitted)
  const { gate, limits } = core.uploads
  let held = 0
  try {
    const body = await readBody(req, gate, limits.bodyTimeoutMs)
    if ('status' in body) return refuseNow(req, res, body)
    held = body.bytes.length
    const result = await core.transcribe(admitted, new Uint8Array(body.bytes))
    res.writeHead(result.status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(result.body))
  } catch (err) {
    logger.error({ err }, 'transcription failed')
    refuseNow(req, res, { status: 502, body: { error: 'transcription failed' } })
  } finally {
    gate.free(held)
    admitted.done()
  }
}
