import { describe, expect, it } from 'vitest'
import { questionTypes } from './question-types'
import { questions } from './questions'
import { questionSchema } from './question-schema'
import { getQuestion } from './get-question'

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

describe('question bank', () => {
  it('holds at least 30 questions', () => {
    expect(questions.length).toBeGreaterThanOrEqual(30)
  })

  it.each(questions.map((q) => [q.id, q] as const))('%s is valid per questionSchema', (_id, q) => {
    expect(questionSchema.safeParse(q).success).toBe(true)
  })

  it('uses unique kebab-case ids', () => {
    const ids = questions.map((q) => q.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.filter((id) => !kebabCase.test(id))).toEqual([])
  })

  it('has at least 5 questions of every type', () => {
    for (const { type } of questionTypes) {
      expect(questions.filter((q) => q.type === type).length, type).toBeGreaterThanOrEqual(5)
    }
  })

  it('covers easy, medium and hard questions', () => {
    expect(new Set(questions.map((q) => q.difficulty))).toEqual(new Set(['easy', 'medium', 'hard']))
  })

  it('gives every question 2-4 lowercase tags and 2-4 interviewer hints', () => {
    for (const q of questions) {
      expect(q.tags.length, q.id).toBeGreaterThanOrEqual(2)
      expect(q.tags.length, q.id).toBeLessThanOrEqual(4)
      expect(
        q.tags.every((tag) => tag === tag.toLowerCase()),
        q.id,
      ).toBe(true)
      expect(q.hints?.length ?? 0, q.id).toBeGreaterThanOrEqual(2)
      expect(q.hints?.length ?? 0, q.id).toBeLessThanOrEqual(4)
    }
  })

  it('does not repeat titles or prompts', () => {
    expect(new Set(questions.map((q) => q.title)).size).toBe(questions.length)
    expect(new Set(questions.map((q) => q.prompt)).size).toBe(questions.length)
  })
})

describe('seed questions', () => {
  it('includes WeChat Pay in offline stores as a product-improvement question', () => {
    const q = getQuestion('wechat-pay-offline-stores')
    expect(q).toMatchObject({ type: 'product-improvement', company: 'WeChat' })
  })

  it('includes WeChat Pay success metrics as a hard success-metrics question', () => {
    const q = getQuestion('wechat-pay-success-metrics')
    expect(q).toMatchObject({ type: 'success-metrics', company: 'WeChat', difficulty: 'hard' })
  })

  it('includes Alipay for international customers as a hard product-improvement question', () => {
    const q = getQuestion('alipay-international-customers')
    expect(q).toMatchObject({ type: 'product-improvement', company: 'Alipay', difficulty: 'hard' })
  })

  it('includes WeChat mini-programs for small businesses', () => {
    const q = getQuestion('wechat-mini-programs-small-business')
    expect(q?.company).toBe('WeChat')
    expect(['product-improvement', 'product-design']).toContain(q?.type)
  })
})
