import { HttpError } from './http-error'
import { jsonTooDeep } from './json-depth'
import { MAX_BODY_BYTES, MAX_JSON_DEPTH } from './http-limits'

const tooLarge = (limit: number) => new HttpError(413, `request body over ${limit / 1024} KB`)

/** 413 when the declared length is over the limit: checked before any byte is read. */
export function refuseDeclaredOversize(request: Request, limit = MAX_BODY_BYTES): void {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > limit) throw tooLarge(limit)
}

/** The body as text, read as a stream and abandoned as soon as it passes the limit (chunked too). */
export async function readBodyText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  return Buffer.from(await readBodyBytes(request, limit)).toString('utf8')
}

/** The body's bytes, abandoned as soon as they pass the limit (a route's own, e.g. an import). */
export async function readBodyBytes(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  refuseDeclaredOversize(request, limit)
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge(limit)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

/** A bounded JSON body: 413 over the size limit, 400 when malformed or nested too deep. */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const text = await readBodyText(request, limit)
  if (jsonTooDeep(text, MAX_JSON_DEPTH))
    throw new HttpError(400, `request body nests deeper than ${MAX_JSON_DEPTH} levels`)
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new HttpError(400, 'request body must be valid JSON')
  }
}
