import { HttpError } from '../http/http-error'
import type { RateLimits } from '../http/api-rate-limits'

/**
 * Counts one room creation against the ceiling for everyone (`roomsAll`). Once that is spent each
 * address still gets a few (`roomsBusy`), so those who spent it cannot switch room creation off
 * for everybody else; a 429 only for an address that used its own share.
 */
export async function countRoomCreation(limits: RateLimits, address: string): Promise<void> {
  try {
    await limits.consume('roomsAll', 'everyone')
  } catch (err) {
    if (!(err instanceof HttpError) || err.status !== 429) throw err
    await limits.consume('roomsBusy', address)
  }
}
