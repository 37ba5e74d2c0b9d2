import { z } from 'zod'
import { checkSections, questionTypeSchema } from './question-schema'
import { templates } from './templates'
import { coverageChecklist } from './coverage'
import type { AnswerTemplate, Question, QuestionType } from './types'

// Limits of one coach-written question (docs/guide.md lists them): generous for a real question,
// small enough that a set of 100 stays well under a megabyte.
export const QUESTION_LIMITS = {
  title: 200,
  company: 80,
  prompt: 8000,
  hints: 20,
  hint: 1000,
  tags: 10,
  sections: 12,
  sectionPrompt: 1000,
  minutes: 60,
  rubric: 2000,
  coverageItems: 12,
  coverageItem: 200,
  followUps: 20,
  followUp: 500,
} as const

const L = QUESTION_LIMITS
const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const noLineBreak = (what: string) => (s: string) => !/[\r\n]/.test(s) || `${what}: one line each`

// one line, no leading or trailing spaces: what a Markdown list item or a YAML scalar keeps as is
const line = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what}: at most ${max} characters`)
    .refine((s) => noLineBreak(what)(s) === true, `${what} must be one line`)

/** The heading that starts the interviewer's part of a question file. */
export const INTERVIEWER_NOTES_HEADING = '## Interviewer notes'

const sectionSchema = z.object({
  key: z.string().regex(kebabCase, 'section key must be lowercase kebab-case, e.g. pain-points'),
  title: line(80, 'section title'),
  minutes: z
    .number()
    .int('minutes must be a whole number')
    .min(1, 'minutes must be at least 1')
    .max(L.minutes, `minutes: at most ${L.minutes}`),
  prompt: line(L.sectionPrompt, 'section prompt'),
  rubric: z.string().trim().max(L.rubric, `rubric: at most ${L.rubric} characters`).default(''),
  coverage: z
    .array(line(L.coverageItem, 'coverage item'))
    .max(L.coverageItems, `coverage: at most ${L.coverageItems} items`)
    .default([]),
})

/**
 * A coach's question as authored, imported and stored per version: the bank's fields plus the
 * answer's sections with their time boxes, a rubric and a checklist each, and follow-ups.
 */
export const questionDraftSchema = z
  .object({
    title: line(L.title, 'title'),
    type: questionTypeSchema,
    company: line(L.company, 'company'),
    difficulty: z.enum(['easy', 'medium', 'hard']),
    tags: z
      .array(z.string().regex(kebabCase, 'tags must be lowercase kebab-case, e.g. growth'))
      .min(1, 'give at least one tag')
      .max(L.tags, `at most ${L.tags} tags`),
    prompt: z
      .string()
      .trim()
      .min(1, 'the prompt must not be empty')
      .max(L.prompt, `prompt: at most ${L.prompt} characters`)
      .refine(
        (s) => !s.split('\n').some((l) => l.trim() === INTERVIEWER_NOTES_HEADING),
        `the prompt must not contain the heading "${INTERVIEWER_NOTES_HEADING}"`,
      ),
    hints: z.array(line(L.hint, 'hint')).max(L.hints, `at most ${L.hints} hints`).default([]),
    sections: z
      .array(sectionSchema)
      .min(1, 'give at least one section')
      .max(L.sections, `at most ${L.sections} sections`)
      .refine((s) => new Set(s.map((x) => x.key)).size === s.length, 'section keys must be unique')
      .refine(
        (s) => new Set(s.map((x) => x.title)).size === s.length,
        'section titles must be unique',
      ),
    followUps: z
      .array(line(L.followUp, 'follow-up'))
      .max(L.followUps, `at most ${L.followUps} follow-ups`)
      .default([]),
  })
  .strict()

export type QuestionDraft = z.infer<typeof questionDraftSchema>
export type QuestionDraftSection = QuestionDraft['sections'][number]

/** The prefix of a coach's question version id; the bank's ids never start with it. */
export const VERSION_ID_PREFIX = 'qv-'

export function isVersionId(id: string): boolean {
  return id.startsWith(VERSION_ID_PREFIX)
}

/** A fresh draft of a type: its template's sections, time boxes and checklists. */
export function blankDraft(type: QuestionType = 'product-improvement'): QuestionDraft {
  return {
    title: '',
    type,
    company: '',
    difficulty: 'medium',
    tags: [],
    prompt: '',
    hints: [],
    sections: sectionsOf(type),
    followUps: [],
  }
}

function sectionsOf(type: QuestionType): QuestionDraftSection[] {
  return templates[type].sections.map((s) => ({
    key: s.key,
    title: s.title,
    minutes: s.minutes,
    prompt: s.prompt,
    rubric: '',
    coverage: [...coverageChecklist(type, s.key)],
  }))
}

/** "Duplicate" on a bank question: its fields, its type's sections and checklists. */
export function draftFromQuestion(question: Question): QuestionDraft {
  return {
    title: question.title,
    type: question.type,
    company: question.company,
    difficulty: question.difficulty,
    tags: [...question.tags],
    prompt: question.prompt,
    hints: [...(question.hints ?? [])],
    sections: sectionsOf(question.type),
    followUps: [],
  }
}

/** The template of a coach's question: its own sections, the checks of its type that fit them. */
export function templateOfDraft(draft: QuestionDraft): AnswerTemplate {
  const keys = new Set(draft.sections.map((s) => s.key))
  return {
    type: draft.type,
    sections: draft.sections.map(({ key, title, prompt, minutes }) => ({
      key,
      title,
      prompt,
      minutes,
    })),
    checks: templates[draft.type].checks.filter((c) => checkSections(c).every((k) => keys.has(k))),
  }
}

/** A version of a coach's question as the room, the review and the bank use any question. */
export function questionOfDraft(id: string, draft: QuestionDraft): Question {
  return {
    id,
    title: draft.title,
    prompt: draft.prompt,
    type: draft.type,
    company: draft.company,
    tags: [...draft.tags],
    difficulty: draft.difficulty,
    hints: [...draft.hints],
    guide: {
      followUps: [...draft.followUps],
      sections: Object.fromEntries(
        draft.sections.map((s) => [s.key, { rubric: s.rubric, coverage: [...s.coverage] }]),
      ),
    },
  }
}

/** Total planned minutes of a draft (its duration). */
export function draftMinutes(draft: Pick<QuestionDraft, 'sections'>): number {
  return draft.sections.reduce((sum, s) => sum + s.minutes, 0)
}
