import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

// Links are stored hashed for lookup; the interviewer's invite panel needs them back, so they are
// also kept sealed (AES-256-GCM) under a key derived from the server secret.
function keyOf(secret: string): Buffer {
  return createHash('sha256').update(`mockroom-links:${secret}`).digest()
}

export function sealCapability(capability: string, secret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv)
  const body = Buffer.concat([cipher.update(capability, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
}

export function openCapability(sealed: string, secret: string): string | null {
  try {
    const raw = Buffer.from(sealed, 'base64url')
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12))
    decipher.setAuthTag(raw.subarray(12, 28))
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}
