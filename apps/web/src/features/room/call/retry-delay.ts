const FIRST_MS = 2_000
const MAX_MS = 30_000

// Exponential backoff for reaching the call server: 2 s, 4 s, 8 s, 16 s, then every 30 s.
// `failures` counts consecutive failed attempts, starting at 0 for the first one.
export function retryDelay(failures: number): number {
  const exponent = Math.min(Math.max(failures, 0), 10)
  return Math.min(FIRST_MS * 2 ** exponent, MAX_MS)
}
