import type { Role } from '@mockroom/access'
import { decodeJwt } from 'jose'
import { TokenVerifier } from 'livekit-server-sdk'
import { describe, expect, it } from 'vitest'
import type { LivekitConfig } from './livekit-config'
import { mintLivekitToken } from './livekit-token'

const config: LivekitConfig = {
  url: 'ws://localhost:7880',
  apiKey: 'devkey',
  apiSecret: 'secret',
  tokenTtlSeconds: 600,
}

async function claimsFor(role: Role) {
  const details = await mintLivekitToken(config, {
    roomId: 'room42',
    sessionId: 'ses1',
    participantId: `p-${role}`,
    role,
    name: `Name ${role}`,
  })
  return { details, claims: decodeJwt(details.participantToken) }
}

describe('LiveKit tokens', () => {
  it.each(['interviewer', 'candidate'] as const)(
    'let the %s publish and subscribe',
    async (role) => {
      const { details, claims } = await claimsFor(role)
      expect(details.serverUrl).toBe('ws://localhost:7880')
      expect(claims.sub).toBe(`p-${role}`)
      expect(claims.name).toBe(`Name ${role}`)
      expect(claims.iss).toBe('devkey')
      expect(JSON.parse(claims.metadata as string)).toEqual({ role, sessionId: 'ses1' })
      expect(claims.video).toMatchObject({
        room: 'mockroom-room42',
        roomJoin: true,
        canPublish: true,
        canSubscribe: true,
        canPublishData: true,
      })
      expect((claims.exp ?? 0) - (claims.nbf ?? 0)).toBe(600)
    },
  )

  it('lets an observer listen only', async () => {
    const { claims } = await claimsFor('observer')
    expect(claims.video).toMatchObject({
      canPublish: false,
      canSubscribe: true,
      canPublishData: false,
    })
  })

  it('is signed with the API secret (LiveKit verifies it)', async () => {
    const { details } = await claimsFor('candidate')
    const verified = await new TokenVerifier('devkey', 'secret').verify(details.participantToken)
    expect(verified.sub).toBe('p-candidate')
    await expect(
      new TokenVerifier('devkey', 'other').verify(details.participantToken),
    ).rejects.toThrow()
  })
})
