import { describe, expect, it } from 'vitest'
import { AwarenessOwners } from './awareness-guard'

describe('AwarenessOwners', () => {
  const entry = (clientId: number) => ({ clientId, clock: 1, json: '{}' })
  const rules = { awarenessStateBytes: 1000, awarenessClientsPerConnection: 64 }

  it('keeps 32 ids per participant: the oldest one not in use is forgotten', () => {
    const owners = new AwarenessOwners(rules)
    // 33 reloads of one person, each connection announcing a new id
    for (let id = 1; id <= 33; id++) expect(owners.filter('p1', [], [entry(id)]).refused).toBe(0)
    expect(owners.filter('p2', [], [entry(1)]).refused).toBe(0)
    expect(owners.filter('p2', [], [entry(2)]).refused).toBe(1)
    // another participant's ids do not count towards p1's 32
    expect(owners.filter('p2', [], [entry(100)]).refused).toBe(0)
    expect(owners.filter('p3', [], [entry(3)]).refused).toBe(1)
  })

  it('never forgets an id the connection is using', () => {
    const owners = new AwarenessOwners(rules)
    for (let id = 1; id <= 32; id++) owners.filter('p1', [], [entry(id)])
    // the connection still uses id 1: id 2 is the oldest to retire
    owners.filter('p1', [1], [entry(33)])
    expect(owners.filter('p2', [], [entry(1)]).refused).toBe(1)
    expect(owners.filter('p2', [], [entry(2)]).refused).toBe(0)
  })
})
