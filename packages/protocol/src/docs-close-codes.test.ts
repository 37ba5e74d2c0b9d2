import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { closeRules } from './close-codes'

// docs/protocol.md lists the close codes; this keeps its table in step with the package.
describe('protocol doc', () => {
  it('lists every close code with its meaning and client action', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/protocol.md'), 'utf8')
    const rows = new Map(
      [...doc.matchAll(/^\|\s*(\d{4})\s*\|\s*(.*?)\s*\|\s*([a-z-]+)\s*\|$/gm)].map((m) => [
        m[1],
        { meaning: m[2], action: m[3] },
      ]),
    )
    for (const [code, rule] of Object.entries(closeRules)) {
      expect(rows.get(code), `close code ${code}`).toEqual({
        meaning: rule.meaning,
        action: rule.action,
      })
    }
    expect(rows.size).toBe(Object.keys(closeRules).length)
  })
})
