import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { createCapability, hashCapability, isWellFormedCapability } from './capability'
import {
  signSessionToken,
  TokenError,
  verifySessionToken,
  type SessionClaims,
} from './session-token'

const secret = 'test-secret-that-is-long-enough-for-hs256'
const claims: SessionClaims = {
  roomId: 'room1',
  sessionId: 'ses1',
  participantId: 'p1',
  role: 'candidate',
  name: 'Ada',
}

async function reasonOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'accepted'
  } catch (err) {
    return err instanceof TokenError ? err.reason : 'other'
  }
}

describe('session tokens', () => {
  it('round-trips every claim', async () => {
    const token = await signSessionToken(claims, secret, 60)
    await expect(verifySessionToken(token, secret)).resolves.toEqual(claims)
  })
  it('refuses an expired token as expired', async () => {
    const token = await signSessionToken(claims, secret, 60, Date.now() - 120_000)
    expect(await reasonOf(verifySessionToken(token, secret))).toBe('expired')
  })
  it('refuses a token signed with another secret', async () => {
    const token = await signSessionToken(claims, 'another-secret-another-secret-123', 60)
    expect(await reasonOf(verifySessionToken(token, secret))).toBe('invalid')
  })
  it('refuses a tampered payload', async () => {
    const token = await signSessionToken(claims, secret, 60)
    const [h, p, s] = token.split('.') as [string, string, string]
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>
    payload.role = 'interviewer'
    const forged = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.')
    expect(await reasonOf(verifySessionToken(forged, secret))).toBe('invalid')
  })
  it('refuses a missing token and garbage', async () => {
    expect(await reasonOf(verifySessionToken(undefined, secret))).toBe('missing')
    expect(await reasonOf(verifySessionToken('not.a.jwt', secret))).toBe('invalid')
  })
  it('refuses a well-signed token with an unknown role', async () => {
    const token = await new SignJWT({ room: 'r', ses: 's', role: 'admin', name: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('p')
      .setIssuer('mockroom')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(secret))
    expect(await reasonOf(verifySessionToken(token, secret))).toBe('invalid')
  })
})

describe('capabilities', () => {
  it('are well formed, unique and carry at least 128 bits', () => {
    const a = createCapability()
    expect(isWellFormedCapability(a)).toBe(true)
    expect(Buffer.from(a, 'base64url').length * 8).toBeGreaterThanOrEqual(128)
    expect(createCapability()).not.toBe(a)
    expect(hashCapability(a)).not.toContain(a)
    expect(isWellFormedCapability('short')).toBe(false)
  })
})

describe('sealed capabilities', () => {
  it('open with the same secret only', async () => {
    const { sealCapability, openCapability } = await import('./sealed-capability')
    const cap = createCapability()
    const sealed = sealCapability(cap, secret)
    expect(sealed).not.toContain(cap)
    expect(openCapability(sealed, secret)).toBe(cap)
    expect(openCapability(sealed, 'wrong-secret-wrong-secret-wrong')).toBeNull()
    expect(openCapability('garbage', secret)).toBeNull()
  })
})
