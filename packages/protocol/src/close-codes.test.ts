import { CloseCode, closeRule, closeRules } from './close-codes'
import { describe, expect, it } from 'vitest'

describe('close codes', () => {
  it('gives every code the server sends an action and a message', () => {
    for (const code of Object.values(CloseCode)) {
      const rule = closeRules[code]
      expect(rule, `code ${code}`).toBeDefined()
      expect(['renew-token', 'stop', 'reconnect']).toContain(rule.action)
      expect(rule.message.length).toBeGreaterThan(10)
    }
    expect(Object.keys(closeRules).map(Number).sort()).toEqual(
      Object.values(CloseCode).map(Number).sort(),
    )
  })

  it('renews on token trouble, stops on refusals, reconnects on transient closes', () => {
    expect(closeRule(CloseCode.tokenExpired).action).toBe('renew-token')
    expect(closeRule(CloseCode.unauthorized).action).toBe('renew-token')
    expect(closeRule(CloseCode.removed).action).toBe('stop')
    expect(closeRule(CloseCode.forbidden).action).toBe('stop')
    expect(closeRule(CloseCode.storageFailure).action).toBe('reconnect')
    expect(closeRule(CloseCode.goingAway).action).toBe('reconnect')
  })

  it("follows y-websocket's convention for codes it does not know", () => {
    expect(closeRule(4499).action).toBe('stop')
    expect(closeRule(4499).message).toContain('4499')
    expect(closeRule(1006).action).toBe('reconnect')
    expect(closeRule(4500).action).toBe('reconnect')
  })
})
