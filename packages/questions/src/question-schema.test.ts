import { describe, expect, it } from 'vitest'
import { questionTypes } from './question-types'
import { questionSchema, templateSchema } from './question-schema'
import type { AnswerTemplate, Question } from './types'

const validQuestion: Question = {
  id: 'acme-widget-growth',
  title: 'Grow Acme widgets',
  prompt: 'How would you grow Acme widgets?',
  type: 'product-improvement',
  company: 'Acme',
  tags: ['growth', 'b2c'],
  difficulty: 'easy',
}

const validTemplate: AnswerTemplate = {
  type: 'root-cause',
  sections: [
    { key: 'clarify', title: 'Clarify', prompt: 'Ask questions.', minutes: 5 },
    { key: 'root-cause', title: 'Root cause', prompt: 'Name the cause.', minutes: 5 },
  ],
  checks: [
    { kind: 'clarifying-questions', section: 'clarify', min: 3 },
    { kind: 'choice-with-reason', section: 'root-cause', noun: 'cause' },
  ],
}

describe('questionSchema', () => {
  it('accepts a valid question with or without hints', () => {
    expect(questionSchema.safeParse(validQuestion).success).toBe(true)
    expect(questionSchema.safeParse({ ...validQuestion, hints: ['Assume X.'] }).success).toBe(true)
  })

  it('accepts exactly the question types listed in questionTypes', () => {
    expect([...questionSchema.shape.type.options].sort()).toEqual(
      questionTypes.map((t) => t.type).sort(),
    )
  })

  it.each([
    ['a non-kebab id', { id: 'Acme Widget' }],
    ['an empty title', { title: '  ' }],
    ['an unknown type', { type: 'estimation' }],
    ['an unknown difficulty', { difficulty: 'extreme' }],
    ['an uppercase tag', { tags: ['Growth'] }],
    ['no tags', { tags: [] }],
    ['a blank hint', { hints: [''] }],
  ])('rejects %s', (_label, patch) => {
    expect(questionSchema.safeParse({ ...validQuestion, ...patch }).success).toBe(false)
  })

  it('rejects a question missing its prompt', () => {
    const rest: Partial<Question> = { ...validQuestion }
    delete rest.prompt
    expect(questionSchema.safeParse(rest).success).toBe(false)
  })
})

describe('templateSchema', () => {
  it('accepts a valid template', () => {
    expect(templateSchema.safeParse(validTemplate).success).toBe(true)
  })

  it('rejects duplicate section keys', () => {
    const [first, second] = validTemplate.sections
    const sections = [first, { ...second, key: 'clarify' }]
    expect(templateSchema.safeParse({ ...validTemplate, sections }).success).toBe(false)
  })

  it('rejects duplicate section titles', () => {
    const [first, second] = validTemplate.sections
    const sections = [first, { ...second, title: 'Clarify' }]
    expect(templateSchema.safeParse({ ...validTemplate, sections }).success).toBe(false)
  })

  it.each([
    ['a non-kebab key', { key: 'Pain Points' }],
    ['zero minutes', { minutes: 0 }],
    ['fractional minutes', { minutes: 2.5 }],
    ['a blank prompt', { prompt: '' }],
  ])('rejects a section with %s', (_label, patch) => {
    const [first, second] = validTemplate.sections
    const sections = [first, { ...second, ...patch }]
    expect(templateSchema.safeParse({ ...validTemplate, sections }).success).toBe(false)
  })

  it('rejects a template without sections', () => {
    expect(templateSchema.safeParse({ ...validTemplate, sections: [] }).success).toBe(false)
  })

  it('rejects a check of a section the template does not have', () => {
    const checks = [{ kind: 'metric-defined' as const, section: 'metrics' }]
    expect(templateSchema.safeParse({ ...validTemplate, checks }).success).toBe(false)
  })

  it('rejects a check kind the review does not know', () => {
    const checks = [{ kind: 'confidence', section: 'clarify' }]
    expect(templateSchema.safeParse({ ...validTemplate, checks }).success).toBe(false)
  })
})
