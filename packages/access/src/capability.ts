import { createHash, randomBytes } from 'node:crypto'

// 24 random bytes = 192 bits, above the 128-bit floor for unguessable links.
const CAPABILITY_BYTES = 24
const CAPABILITY_PATTERN = /^[A-Za-z0-9_-]{32}$/

export function createCapability(): string {
  return randomBytes(CAPABILITY_BYTES).toString('base64url')
}

export function isWellFormedCapability(value: string): boolean {
  return CAPABILITY_PATTERN.test(value)
}

// Only the hash is stored, so a leaked database does not leak working links.
export function hashCapability(capability: string): string {
  return createHash('sha256').update(capability).digest('base64url')
}

export function createId(): string {
  return randomBytes(12).toString('base64url')
}
