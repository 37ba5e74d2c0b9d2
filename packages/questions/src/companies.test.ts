import { describe, expect, it } from 'vitest'
import { companies } from './companies'
import { questions } from './questions'

describe('companies', () => {
  it('lists every company in the bank exactly once', () => {
    expect(new Set(companies).size).toBe(companies.length)
    expect(new Set(companies)).toEqual(new Set(questions.map((q) => q.company)))
  })

  it('is sorted alphabetically', () => {
    expect([...companies]).toEqual([...companies].sort((a, b) => a.localeCompare(b, 'en')))
  })

  it('includes the seed companies', () => {
    expect(companies).toContain('WeChat')
    expect(companies).toContain('Alipay')
  })
})
