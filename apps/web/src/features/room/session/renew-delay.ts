const LEAD_MS = 60_000
const MIN_MS = 5_000
// setTimeout overflows above 2^31-1 ms and would fire at once
const MAX_MS = 2_147_483_647

// How long to wait before renewing a token: a minute ahead of expiry, or halfway for short-lived
// tokens, never in a tight loop when the clock is off.
export function renewDelay(expiresAt: number, now: number = Date.now()): number {
  const remaining = expiresAt - now
  const delay = remaining > 2 * LEAD_MS ? remaining - LEAD_MS : remaining / 2
  return Math.min(Math.max(delay, MIN_MS), MAX_MS)
}
