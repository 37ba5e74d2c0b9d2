import { describe, expect, it } from 'vitest'
import { PARTICIPANT_PALETTE, participantColors } from './participant-colors'

describe('participant colours', () => {
  it('differ for every person of a room up to the palette size, in joining order', () => {
    const ids = Array.from({ length: PARTICIPANT_PALETTE.length }, (_, i) => `p${i}`)
    const colors = participantColors(ids)
    expect(new Set(Object.values(colors)).size).toBe(ids.length)
    // the same list gives the same colours (room, replay and export agree)
    expect(participantColors(ids)).toEqual(colors)
    expect(colors.p0).toBe(PARTICIPANT_PALETTE[0])
  })
})
