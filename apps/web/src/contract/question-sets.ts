import { questionDraftSchema, questionSchema } from '@mockroom/questions'
import { z } from 'zod'

// Request and response bodies of the question set APIs (/api/question-sets/…), shared by the
// route handlers and the browser.

// POST /api/question-sets
export const createSetRequestSchema = z.object({
  title: z.string().trim().min(1, 'give the set a title').max(200, 'title: at most 200 characters'),
})
export const createSetResponseSchema = z.object({
  setId: z.string(),
  /** the owner's private link: shown once, kept by this browser */
  editUrl: z.string(),
  /** read-only: for students */
  shareUrl: z.string(),
})
export type CreatedSet = z.infer<typeof createSetResponseSchema>

// PATCH /api/question-sets/<edit capability>
export const renameSetRequestSchema = createSetRequestSchema

// POST /api/question-sets/<edit>/questions and PUT …/questions/<questionId>
export const saveQuestionRequestSchema = z.object({ draft: questionDraftSchema })
export const savedQuestionResponseSchema = z.object({
  questionId: z.string(),
  versionId: z.string(),
  version: z.number().int(),
})
export type SavedQuestion = z.infer<typeof savedQuestionResponseSchema>

// GET /api/question-sets/<edit>/questions/<questionId>/versions (the edit link only)
export const questionVersionsResponseSchema = z.object({
  /** oldest first; the last is the current one */
  versions: z.array(
    z.object({
      versionId: z.string(),
      version: z.number().int(),
      createdAt: z.number(),
      draft: questionDraftSchema,
    }),
  ),
})
export type QuestionVersions = z.infer<typeof questionVersionsResponseSchema>

/** One question of a set: `draft` only through the edit link (it holds the hints). */
export const setQuestionSchema = z.object({
  id: z.string(),
  slug: z.string(),
  versionId: z.string(),
  version: z.number().int(),
  /** without hints or guide through the share link */
  question: questionSchema,
  minutes: z.number().int(),
  draft: questionDraftSchema.optional(),
})
export type SetQuestion = z.infer<typeof setQuestionSchema>

// GET /api/question-sets/<capability>
export const questionSetResponseSchema = z.object({
  access: z.enum(['edit', 'share']),
  setId: z.string(),
  title: z.string(),
  /** edit only: the students' link again */
  shareUrl: z.string().optional(),
  questions: z.array(setQuestionSchema),
})
export type QuestionSetView = z.infer<typeof questionSetResponseSchema>

// POST /api/question-sets/<edit>/import (dry run) and …/import?apply=1
export const importFilesRequestSchema = z.object({
  files: z
    .array(z.object({ name: z.string().min(1).max(300), text: z.string() }))
    .min(1, 'choose at least one file'),
})
export type ImportFilesRequest = z.infer<typeof importFilesRequestSchema>

const importEntrySchema = z.object({ slug: z.string(), title: z.string() })
export const importReportSchema = z.object({
  added: z.array(importEntrySchema),
  changed: z.array(importEntrySchema),
  unchanged: z.array(importEntrySchema),
  problems: z.array(
    z.object({ file: z.string(), line: z.number().int().nullable(), message: z.string() }),
  ),
  skipped: z.array(z.string()),
  /** true once written (apply), false for a dry run or a refused import */
  saved: z.boolean(),
})
export type ImportReport = z.infer<typeof importReportSchema>
