import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ChunkHead, Refusal, UploadGate } from './chunk-upload'
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

function answer(res: ServerResponse, status: number, body: object) {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

/**
 * Reads an admitted body, holding the server's audio bytes while it arrives: stops at the cap
 * (413), when the server holds too much audio (503), or when the body is too slow (408).
 */
function readBody(
  req: IncomingMessage,
  gate: UploadGate,
  maxBytes: number,
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
      if (size + c.length > maxBytes)
        return finish({ status: 413, body: { error: `chunk over ${maxBytes} bytes` } })
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

const bearer = (req: IncomingMessage) => {
  const auth = req.headers.authorization ?? ''
  return auth.startsWith('Bearer ') ? auth.slice(7) : null
}

/** PUT /sessions/<id>/tracks/<trackId>/chunks/<seq>: headers, then the body, then the store. */
export async function handleChunk(
  core: SyncServer,
  req: IncomingMessage,
  res: ServerResponse,
  path: Pick<ChunkHead, 'sessionId' | 'trackId' | 'seq' | 'address'>,
  logger: Logger,
) {
  const declared = req.headers['content-length']
  const started = req.headers['x-started-at']
  let admitted: Awaited<ReturnType<SyncServer['admitChunk']>>
  try {
    admitted = await core.admitChunk({
      ...path,
      token: bearer(req),
      mimeType: req.headers['content-type'] ?? '',
      startedAt: typeof started === 'string' && started !== '' ? Number(started) : null,
      ...(declared !== undefined ? { declaredBytes: Number(declared) } : {}),
    })
  } catch (err) {
    logger.error({ err }, 'checking an audio chunk failed')
    return refuseNow(req, res, { status: 503, body: { error: 'storage unavailable' } })
  }
  if ('status' in admitted) return refuseNow(req, res, admitted)
  if ('repeat' in admitted) {
    // the body is not needed: drain it so a keep-alive connection stays usable
    req.resume()
    return answer(res, 200, { seq: admitted.seq, stored: false })
  }
  const { gate, limits } = core.uploads
  let held = 0
  try {
    const body = await readBody(req, gate, admitted.maxBytes, limits.bodyTimeoutMs)
    if ('status' in body) return refuseNow(req, res, body)
    held = body.bytes.length
    const result = await core.storeChunk(admitted, new Uint8Array(body.bytes))
    answer(res, result.status, result.body)
  } catch (err) {
    logger.error({ err }, 'storing an audio chunk failed')
    refuseNow(req, res, { status: 503, body: { error: 'storage unavailable' } })
  } finally {
    gate.free(held)
    admitted.done()
  }
}

/** POST /sessions/<id>/tracks/<trackId>/end: the owner says no chunk follows; the file is made. */
export async function handleTrackEnd(
  core: SyncServer,
  req: IncomingMessage,
  res: ServerResponse,
  path: { sessionId: string; trackId: string },
  logger: Logger,
) {
  req.resume()
  try {
    const r = await core.endTrack({ ...path, token: bearer(req) })
    answer(res, r.status, r.body)
  } catch (err) {
    logger.error({ err }, 'ending a track failed')
    answer(res, 503, { error: 'storage unavailable' })
  }
}
