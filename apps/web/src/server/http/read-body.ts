import { HttpError } from './http-error'
import { jsonTooDeep } from './json-depth'
import { MAX_BODY_BYTES, MAX_JSON_DEPTH } from './http-limits'

const tooLarge = () => new HttpError(413, `request body over ${MAX_BODY_BYTES / 1024} KB`)

/** 413 when the declared length is over the limit: checked before any byte is read. */
export function refuseDeclaredOversize(request: Request): void {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > MAX_BODY_BYTES) throw tooLarge()
}

/** The body as text, read as a stream and abandoned as soon as it passes the limit (chunked too). */
export async function readBodyText(request: Request): Promise<string> {
  refuseDeclaredOversize(request)
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** A bounded JSON body: 413 over the size limit, 400 when malformed or nested too deep. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await readBodyText(request)
  if (jsonTooDeep(text, MAX_JSON_DEPTH))
    throw new HttpError(400, `request body nests deeper than ${MAX_JSON_DEPTH} levels`)
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new HttpError(400, 'request body must be valid JSON')
  }
}
