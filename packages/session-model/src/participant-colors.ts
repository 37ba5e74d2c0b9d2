// Dark enough that the white caret label text stays readable (WCAG AA against #fff).
export const PARTICIPANT_PALETTE = [
  '#2563eb',
  '#c2410c',
  '#15803d',
  '#b91c1c',
  '#7c3aed',
  '#0e7490',
  '#be185d',
  '#a16207',
  '#a21caf',
  '#475569',
  '#78350f',
  '#4d7c0f',
] as const

/**
 * A colour per person of a room: the n-th person to join gets the n-th colour, so the first
 * twelve people always differ. The room, the replay and the exports all call this with the room's
 * participants in joining order (the store's order), so a person has one colour everywhere.
 */
export function participantColors(idsInJoinOrder: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  idsInJoinOrder.forEach((id, i) => {
    out[id] = PARTICIPANT_PALETTE[i % PARTICIPANT_PALETTE.length] ?? PARTICIPANT_PALETTE[0]
  })
  return out
}

/** Until the room's list is known: a stable colour from the id alone (may collide). */
export function fallbackColor(participantId: string): string {
  let hash = 2166136261
  for (let i = 0; i < participantId.length; i++) {
    hash ^= participantId.charCodeAt(i)
    hash = Math.imul(hash, 16777619)
  }
  return PARTICIPANT_PALETTE[(hash >>> 0) % PARTICIPANT_PALETTE.length] ?? PARTICIPANT_PALETTE[0]
}
