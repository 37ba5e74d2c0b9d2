/**
 * A refusal with an HTTP status: thrown anywhere below a route handler, answered as a JSON error
 * by `handle` (http-json.ts). Kept apart so the body reader and the rate limits can throw it
 * without importing the route wrapper that uses them.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}
