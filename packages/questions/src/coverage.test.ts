import { describe, expect, it } from 'vitest'
import { coverageChecklist } from './coverage'
import { templates } from './templates'

describe('coverage checklists', () => {
  it('give every section of every template two to four items', () => {
    for (const template of Object.values(templates)) {
      for (const section of template.sections) {
        const items = coverageChecklist(template.type, section.key)
        expect(items.length, `${template.type}/${section.key}`).toBeGreaterThanOrEqual(2)
        expect(items.length).toBeLessThanOrEqual(4)
        expect(new Set(items).size).toBe(items.length)
      }
    }
  })

  it('ask for a north star and a guardrail in Metrics', () => {
    expect(coverageChecklist('product-improvement', 'metrics')).toEqual(
      expect.arrayContaining(['A north star', 'At least one guardrail']),
    )
  })
})
