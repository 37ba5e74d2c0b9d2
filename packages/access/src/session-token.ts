import { SignJWT, errors, jwtVerify } from 'jose'
import { z } from 'zod'
import { isRole, type Role } from './roles'

export interface SessionClaims {
  roomId: string
  sessionId: string
  participantId: string
  role: Role
  name: string
}

export class TokenError extends Error {
  constructor(
    readonly reason: 'missing' | 'invalid' | 'expired',
    message: string,
  ) {
    super(message)
    this.name = 'TokenError'
  }
}

const ISSUER = 'mockroom'
const claimsSchema = z.object({
  room: z.string().min(1),
  ses: z.string().min(1),
  sub: z.string().min(1),
  role: z.string().refine(isRole),
  name: z.string(),
})

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret)
}

export async function signSessionToken(
  claims: SessionClaims,
  secret: string,
  ttlSeconds: number,
  now: number = Date.now(),
): Promise<string> {
  const iat = Math.floor(now / 1000)
  return new SignJWT({
    room: claims.roomId,
    ses: claims.sessionId,
    role: claims.role,
    name: claims.name,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.participantId)
    .setIssuer(ISSUER)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key(secret))
}

export async function verifySessionToken(
  token: string | null | undefined,
  secret: string,
  now: number = Date.now(),
): Promise<SessionClaims> {
  if (!token) throw new TokenError('missing', 'no session token')
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      currentDate: new Date(now),
    })
    const c = claimsSchema.parse(payload)
    return {
      roomId: c.room,
      sessionId: c.ses,
      participantId: c.sub,
      role: c.role,
      name: c.name,
    }
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new TokenError('expired', 'session token expired')
    throw new TokenError('invalid', 'session token invalid')
  }
}
