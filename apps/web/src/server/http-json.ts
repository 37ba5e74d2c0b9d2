import { NextResponse } from 'next/server'
import type { z } from 'zod'
import { serverContext } from './server-context'

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export function jsonError(status: number, error: string): NextResponse {
  return NextResponse.json({ error }, { status })
}

/** Parses a JSON body against a schema; bad input becomes a 400 with a readable message. */
export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  let body: unknown
  try {
    body = await request.json()
  } catch {
    throw new HttpError(400, 'request body must be valid JSON')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first?.path.length ? `${first.path.join('.')}: ` : ''
    throw new HttpError(400, `${where}${first?.message ?? 'invalid request'}`)
  }
  return parsed.data
}

/** Wraps a route handler: HttpErrors become JSON errors; anything else is a logged 500. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args)
    } catch (err) {
      if (err instanceof HttpError) return jsonError(err.status, err.message)
      const { logger } = await serverContext()
      logger.error({ err }, 'request failed')
      return jsonError(500, 'internal error')
    }
  }
}
