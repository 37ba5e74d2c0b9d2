import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { createRateLimits, type RateLimits } from '../http/api-rate-limits'
import { HttpError } from '../http/http-error'
import { RATE_LIMITS } from '../http/http-limits'
import { countRoomCreation } from './room-limits'

let limits: RateLimits
afterEach(() => limits.close())

/** What POST /api/rooms counts: the address's own bucket, then the ceiling. */
async function create(address: string): Promise<number> {
  try {
    await limits.consume('rooms', address)
    await countRoomCreation(limits, address)
    return 201
  } catch (err) {
    if (err instanceof HttpError) return err.status
    throw err
  }
}

describe('the ceiling on room creation for everyone', () => {
  it('once spent by a few addresses, still lets every other address create rooms', async () => {
    limits = createRateLimits(undefined, pino({ level: 'silent' }))
    const perAddress = RATE_LIMITS.rooms.points
    const flooders = Math.ceil(RATE_LIMITS.roomsAll.points / perAddress) + 1
    let created = 0
    for (let a = 0; a < flooders; a++)
      for (let i = 0; i < perAddress; i++) if ((await create(`10.0.0.${a}`)) === 201) created++
    // the flood spent the ceiling and then only its own small share per address
    expect(created).toBeLessThanOrEqual(RATE_LIMITS.roomsAll.points + flooders * 5)
    expect(await create('10.0.0.0')).toBe(429)
    // someone else still creates rooms, a few per address while the ceiling is spent
    const busy = RATE_LIMITS.roomsBusy.points
    const visitor = await Promise.all(Array.from({ length: busy + 1 }, () => create('192.0.2.9')))
    expect(visitor.filter((s) => s === 201)).toHaveLength(busy)
    expect(visitor.filter((s) => s === 429)).toHaveLength(1)
    expect(await create('192.0.2.10')).toBe(201)
  })
})
