// Dark enough that the white caret label text stays readable (WCAG AA against #fff).
const palette = [
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

// Same id, same colour on every screen, without anyone having to agree on it.
export function participantColor(participantId: string): string {
  let hash = 2166136261
  for (let i = 0; i < participantId.length; i++) {
    hash ^= participantId.charCodeAt(i)
    hash = Math.imul(hash, 16777619)
  }
  return palette[(hash >>> 0) % palette.length] ?? palette[0]
}
