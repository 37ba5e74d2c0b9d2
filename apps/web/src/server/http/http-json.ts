import { NextResponse } from 'next/server'
import type { z } from 'zod'
import { clientAddress } from './request-address'
import { HttpError } from './http-error'
import type { RateBucket } from './http-limits'
import { webMetrics } from '../ops/web-metrics'
import { readJsonBody, refuseDeclaredOversize } from './read-body'
import { serverContext } from '../server-context'

export function jsonError(
  status: number,
  error: string,
  headers: Record<string, string> = {},
): NextResponse {
  return NextResponse.json({ error }, { status, headers })
}

/** Parses a bounded JSON body against a schema; bad input becomes a 4xx with a readable message. */
export async function readJson<T>(
  request: Request,
  schema: z.ZodType<T>,
  maxBytes?: number,
): Promise<T> {
  const body = await readJsonBody(request, maxBytes)
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first?.path.length ? `${first.path.join('.')}: ` : ''
    throw new HttpError(400, `${where}${first?.message ?? 'invalid request'}`)
  }
  return parsed.data
}

/** Counts a request against a per-address bucket (plus an optional narrower key); 429 when spent. */
export async function rateLimit(request: Request, bucket: RateBucket, key = ''): Promise<void> {
  const { limits } = await serverContext()
  await limits.consume(bucket, `${clientAddress(request)}|${key}`)
}

/**
 * Wraps a route handler: an oversize body is a 413 before anything runs, the route's rate bucket
 * is counted, HttpErrors become JSON errors, and anything else is a logged 500.
 */
export function handle<A extends [Request, ...unknown[]]>(
  bucket: RateBucket,
  fn: (...args: A) => Promise<Response>,
  options: { maxBodyBytes?: number } = {},
) {
  return async (...args: A): Promise<Response> => {
    const metrics = webMetrics()
    const end = metrics.requestSeconds.startTimer({ bucket })
    const response = await respond(bucket, fn, args, options.maxBodyBytes)
    end()
    metrics.requests.inc({ bucket, status: String(response.status) })
    return response
  }
}

async function respond<A extends [Request, ...unknown[]]>(
  bucket: RateBucket,
  fn: (...args: A) => Promise<Response>,
  args: A,
  maxBodyBytes: number | undefined,
): Promise<Response> {
  try {
    refuseDeclaredOversize(args[0], maxBodyBytes)
    await rateLimit(args[0], bucket)
    return await fn(...args)
  } catch (err) {
    if (err instanceof HttpError) return jsonError(err.status, err.message, err.headers)
    const { logger } = await serverContext()
    logger.error({ err }, 'request failed')
    return jsonError(500, 'internal error')
  }
}
