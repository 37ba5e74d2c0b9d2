import { describe, expect, it } from 'vitest'
import { questions } from './questions'
import { searchQuestions } from './search-questions'

const ids = (list: { id: string }[]) => list.map((q) => q.id)

describe('searchQuestions', () => {
  it('returns the whole bank, in bank order, for an empty filter', () => {
    expect(ids(searchQuestions({}))).toEqual(ids([...questions]))
  })

  it('treats a blank query as no query', () => {
    expect(searchQuestions({ query: '   ' })).toHaveLength(questions.length)
  })

  it('returns a fresh array that callers may mutate', () => {
    const result = searchQuestions({})
    result.pop()
    expect(searchQuestions({})).toHaveLength(questions.length)
  })

  it('filters by type', () => {
    const result = searchQuestions({ type: 'root-cause' })
    expect(result.length).toBeGreaterThanOrEqual(5)
    expect(result.every((q) => q.type === 'root-cause')).toBe(true)
    expect(result).toHaveLength(questions.filter((q) => q.type === 'root-cause').length)
  })

  it('filters by company, ignoring case', () => {
    const result = searchQuestions({ company: 'wechat' })
    expect(ids(result)).toEqual(
      expect.arrayContaining(['wechat-pay-offline-stores', 'wechat-mini-programs-small-business']),
    )
    expect(result.every((q) => q.company === 'WeChat')).toBe(true)
  })

  it('matches a company exactly rather than by substring', () => {
    expect(searchQuestions({ company: 'We' })).toEqual([])
  })

  it('filters by difficulty', () => {
    const result = searchQuestions({ difficulty: 'hard' })
    expect(result.length).toBeGreaterThan(0)
    expect(result.every((q) => q.difficulty === 'hard')).toBe(true)
    expect(result).toHaveLength(questions.filter((q) => q.difficulty === 'hard').length)
  })

  it('matches a query against tags', () => {
    const result = searchQuestions({ query: 'cross-border' })
    expect(ids(result)).toEqual(['alipay-international-customers'])
  })

  it('matches a query against title, prompt and company', () => {
    expect(ids(searchQuestions({ query: 'Mini-programs' }))).toContain(
      'wechat-mini-programs-small-business',
    )
    expect(ids(searchQuestions({ query: 'brick-and-mortar' }))).toEqual([
      'wechat-pay-offline-stores',
    ])
    expect(searchQuestions({ query: 'Alipay' }).every((q) => q.company === 'Alipay')).toBe(true)
  })

  it('is case-insensitive', () => {
    const lower = ids(searchQuestions({ query: 'fintech' }))
    expect(lower.length).toBeGreaterThan(0)
    expect(ids(searchQuestions({ query: 'FinTech' }))).toEqual(lower)
    expect(ids(searchQuestions({ query: 'FINTECH' }))).toEqual(lower)
  })

  it('requires every word of the query to match', () => {
    const result = searchQuestions({ query: 'wechat fintech' })
    expect(ids(result).sort()).toEqual(
      ['wechat-pay-offline-stores', 'wechat-pay-success-metrics'].sort(),
    )
  })

  it('combines all filters with AND', () => {
    const result = searchQuestions({
      query: 'fintech',
      company: 'WeChat',
      type: 'success-metrics',
      difficulty: 'hard',
    })
    expect(ids(result)).toEqual(['wechat-pay-success-metrics'])
    expect(searchQuestions({ query: 'fintech', company: 'WeChat', difficulty: 'easy' })).toEqual([])
    expect(searchQuestions({ company: 'Alipay', type: 'trade-off' })).toEqual([])
  })

  it('returns nothing when no question matches', () => {
    expect(searchQuestions({ query: 'zzz-no-such-topic' })).toEqual([])
  })

  it('does not search interviewer-only hints', () => {
    const hintOnly = 'qr code'
    const visible = questions.map((q) =>
      [q.title, q.prompt, q.company, ...q.tags].join(' ').toLowerCase(),
    )
    // guard the premise so the test keeps meaning something if the content changes
    expect(questions.some((q) => q.hints?.some((h) => h.toLowerCase().includes(hintOnly)))).toBe(
      true,
    )
    expect(visible.some((text) => text.includes('qr'))).toBe(false)
    expect(searchQuestions({ query: hintOnly })).toEqual([])
  })
})

describe('filterQuestions and withoutHints', () => {
  it('filters a hint-free copy the same way as the bank', async () => {
    const { questions } = await import('./questions')
    const { filterQuestions } = await import('./search-questions')
    const { withoutHints } = await import('./without-hints')
    const copy = questions.map(withoutHints)
    expect(copy.every((q) => q.hints === undefined)).toBe(true)
    const filter = { query: 'wechat', difficulty: 'hard' as const }
    expect(filterQuestions(copy, filter).map((q) => q.id)).toEqual(
      searchQuestions(filter).map((q) => q.id),
    )
  })
})
