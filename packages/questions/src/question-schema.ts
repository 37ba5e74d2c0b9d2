import { z } from 'zod'
import type { CheckSpec } from '@mockroom/session-model'
import type { AnswerTemplate, Question } from './types'

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const nonBlank = z.string().trim().min(1)

export const questionTypeSchema = z.enum([
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
  guide: z
    .object({
      followUps: z.array(z.string()),
      sections: z.record(
        z.string(),
        z.object({ rubric: z.string(), coverage: z.array(z.string()) }),
      ),
    })
    .optional(),
}) satisfies z.ZodType<Question>

const templateSectionSchema = z.object({
  key: z.string().regex(kebabCase, 'section key must be lowercase kebab-case'),
  title: nonBlank,
  prompt: nonBlank,
  minutes: z.number().int().positive(),
})

const sectionKey = z.string().regex(kebabCase)
const count = z.number().int().min(1).max(50)
const noun = nonBlank.max(40)

// the automated checks a template lists (session-model's CheckSpec), validated like the rest of a
// template so a coach's own set cannot ask for a kind the review does not know
export const checkSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('clarifying-questions'), section: sectionKey, min: count }),
  z.object({ kind: z.literal('choice-with-reason'), section: sectionKey, noun }),
  z.object({ kind: z.literal('listed'), section: sectionKey, min: count, noun }),
  z.object({
    kind: z.literal('options-compared'),
    section: sectionKey,
    compareIn: z.array(sectionKey).min(1).max(10).readonly(),
    min: count,
    noun,
  }),
  z.object({ kind: z.literal('metric-defined'), section: sectionKey }),
  z.object({ kind: z.literal('guardrail'), section: sectionKey, dedicated: z.boolean() }),
  z.object({ kind: z.literal('time-boxes'), graceMs: z.number().int().min(0).max(600_000) }),
  z.object({ kind: z.literal('talk-share'), minShare: z.number().min(0).max(1) }),
  z.object({
    kind: z.literal('speaking-pace'),
    min: z.number().int().min(1).max(400),
    max: z.number().int().min(1).max(400),
  }),
  z.object({ kind: z.literal('fillers'), maxPerMinute: z.number().min(0).max(60) }),
  z.object({ kind: z.literal('monologue'), maxMs: z.number().int().min(1_000).max(3_600_000) }),
]) satisfies z.ZodType<CheckSpec>

// the sections a check reads must be the template's own
export function checkSections(c: CheckSpec): string[] {
  if (c.kind === 'options-compared') return [c.section, ...c.compareIn]
  return 'section' in c ? [c.section] : []
}

function allUnique(values: string[]): boolean {
  return new Set(values).size === values.length
}

export const templateSchema = z
  .object({
    type: questionTypeSchema,
    sections: z.array(templateSectionSchema).min(1),
    checks: z.array(checkSpecSchema).max(40),
  })
  .refine((t) => allUnique(t.sections.map((s) => s.key)), {
    message: 'section keys must be unique within a template',
    path: ['sections'],
  })
  .refine((t) => allUnique(t.sections.map((s) => s.title)), {
    message: 'section titles must be unique within a template',
    path: ['sections'],
  })
  .refine(
    (t) => t.checks.flatMap(checkSections).every((k) => t.sections.some((s) => s.key === k)),
    { message: 'every check must read a section of its template', path: ['checks'] },
  ) satisfies z.ZodType<AnswerTemplate>
