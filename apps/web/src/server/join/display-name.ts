// Control characters (C0/C1), format characters (bidirectional overrides and isolates, zero-width
// spaces, the BOM, soft hyphens, tag characters) except the zero-width joiner, which joins emoji
// sequences such as 👩‍💻; and the line/paragraph separators.
const invisible = /(?!\u200d)[\p{Cc}\p{Cf}\u2028\u2029]/gu

/**
 * A display name as everyone sees it: no characters that are invisible or reorder the text
 * around them (a name must not pose as another or flip the names after it), whitespace runs
 * collapsed, trimmed. Emoji and every script stay.
 */
export function cleanDisplayName(raw: string): string {
  return raw.normalize('NFC').replace(invisible, '').replace(/\s+/gu, ' ').trim()
}
