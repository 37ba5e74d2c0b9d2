import { z } from 'zod'
import type { AnswerTemplate, Question } from './types'

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const nonBlank = z.string().trim().min(1)

const questionTypeSchema = z.enum([
  'product-improvement',
  'product-design',
  'success-metrics',
  'root-cause',
  'trade-off',
])

export const questionSchema = z.object({
  id: z.string().regex(kebabCase, 'id must be a kebab-case slug'),
  title: nonBlank,
  prompt: nonBlank,
  type: questionTypeSchema,
  company: nonBlank,
  tags: z.array(z.string().regex(kebabCase, 'tags must be lowercase kebab-case')).min(1),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  hints: z.array(nonBlank).optional(),
}) satisfies z.ZodType<Question>

const templateSectionSchema = z.object({
  key: z.string().regex(kebabCase, 'section key must be lowercase kebab-case'),
  title: nonBlank,
  prompt: nonBlank,
  minutes: z.number().int().positive(),
})

function allUnique(values: string[]): boolean {
  return new Set(values).size === values.length
}

export const templateSchema = z
  .object({
    type: questionTypeSchema,
    sections: z.array(templateSectionSchema).min(1),
  })
  .refine((t) => allUnique(t.sections.map((s) => s.key)), {
    message: 'section keys must be unique within a template',
    path: ['sections'],
  })
  .refine((t) => allUnique(t.sections.map((s) => s.title)), {
    message: 'section titles must be unique within a template',
    path: ['sections'],
  }) satisfies z.ZodType<AnswerTemplate>
