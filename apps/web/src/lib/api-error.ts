import type { z } from 'zod'
// Errors from our HTTP API carry the status so callers can word 404s differently from outages.
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

// The API answers failures with `{ error }`; fall back to a generic sentence when it does not.
export async function apiErrorFrom(res: Response, fallback: string): Promise<ApiError> {
  let message = fallback
  try {
    const body: unknown = await res.json()
    if (isRecord(body) && typeof body.error === 'string' && body.error.trim() !== '') {
      message = body.error
    }
  } catch {
    // not JSON (proxy error page, empty body): keep the fallback
  }
  return new ApiError(message, res.status)
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// fetch rejects with a TypeError when the network is down; say that in words people understand.
export function describeFailure(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof TypeError)
    return 'Could not reach Mockroom. Check your connection and try again.'
  return fallback
}

/** The JSON body of a successful answer, checked against the API contract's schema. */
export async function readBody<T>(res: Response, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await res.json())
  if (!parsed.success)
    throw new ApiError('The server sent an unexpected answer. Please try again.', res.status)
  return parsed.data
}
