import { describe, expect, it } from 'vitest'
import { getTemplate } from './get-template'
import { questionTypes } from './question-types'
import { templateSchema } from './question-schema'
import { templates } from './templates'
import type { QuestionType } from './types'

const allTypes: QuestionType[] = questionTypes.map((t) => t.type)

function keysOf(type: QuestionType): string[] {
  return templates[type].sections.map((s) => s.key)
}

describe('templates', () => {
  it('has exactly one template per question type', () => {
    expect(Object.keys(templates).sort()).toEqual([...allTypes].sort())
  })

  it.each(allTypes)('%s template is valid and labelled with its own type', (type) => {
    expect(templateSchema.safeParse(templates[type]).success).toBe(true)
    expect(templates[type].type).toBe(type)
  })

  it.each(allTypes)('%s template time boxes sum to 25-40 minutes', (type) => {
    const total = templates[type].sections.reduce((sum, s) => sum + s.minutes, 0)
    expect(total).toBeGreaterThanOrEqual(25)
    expect(total).toBeLessThanOrEqual(40)
  })

  it.each(allTypes)('%s template has unique section keys and titles', (type) => {
    const { sections } = templates[type]
    expect(new Set(sections.map((s) => s.key)).size).toBe(sections.length)
    expect(new Set(sections.map((s) => s.title)).size).toBe(sections.length)
  })

  it('product-improvement has the required sections, in order', () => {
    const required = ['clarify', 'segments', 'pain-points', 'solutions', 'metrics']
    const keys = keysOf('product-improvement')
    expect(keys).toEqual(expect.arrayContaining(required))
    expect(keys.filter((k) => required.includes(k))).toEqual(required)
    const titles = templates['product-improvement'].sections.map((s) => s.title)
    expect(titles).toEqual(
      expect.arrayContaining(['Clarify', 'Segments', 'Pain points', 'Solutions', 'Metrics']),
    )
  })

  it('success-metrics has the required sections, in order', () => {
    const required = ['clarify', 'goals', 'north-star', 'supporting-metrics', 'guardrails']
    const keys = keysOf('success-metrics')
    expect(keys.filter((k) => required.includes(k))).toEqual(required)
    const titles = templates['success-metrics'].sections.map((s) => s.title)
    expect(titles).toEqual(
      expect.arrayContaining([
        'Clarify',
        'Goals',
        'North star',
        'Supporting metrics',
        'Guardrails',
      ]),
    )
  })

  it('starts every template with a clarify section', () => {
    for (const type of allTypes) {
      expect(keysOf(type)[0], type).toBe('clarify')
    }
  })
})

describe('getTemplate', () => {
  it.each(allTypes)('returns the %s template', (type) => {
    expect(getTemplate(type)).toBe(templates[type])
  })
})

describe('questionTypes', () => {
  it('lists the five types with their labels, in order', () => {
    expect(questionTypes.map((t) => [t.type, t.label])).toEqual([
      ['product-improvement', 'Product improvement'],
      ['product-design', 'Product design'],
      ['success-metrics', 'Success metrics'],
      ['root-cause', 'Root cause'],
      ['trade-off', 'Trade-off & strategy'],
    ])
  })

  it('describes every type', () => {
    for (const t of questionTypes) expect(t.description.trim(), t.type).not.toBe('')
  })
})
