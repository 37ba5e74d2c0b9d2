import type { AiReview } from '@mockroom/session-model'
import { z } from 'zod'

// The AI reviewer's answer, checked on the server before anyone sees it, and the route's bodies
// (GET/POST /api/review/<capability>/<sessionId>/ai-review).

const line = z.string().trim().min(1).max(600)

/** What the model must answer with: JSON only, nothing about the person's confidence or hireability. */
export const aiReviewAnswerSchema = z.object({
  summary: z.string().trim().min(1).max(2_000),
  strengths: z.array(line).max(8),
  improvements: z.array(line).max(8),
  sections: z
    .array(z.object({ key: z.string().max(64), comment: z.string().trim().max(1_000) }))
    .max(20)
    .default([]),
})
export type AiReviewAnswer = z.infer<typeof aiReviewAnswerSchema>

export const aiReviewAvailabilitySchema = z.object({
  available: z.literal(true),
  model: z.string(),
})

export const aiReviewResponseSchema = z.object({
  review: z.object({
    model: z.string(),
    createdAt: z.number(),
    summary: z.string(),
    strengths: z.array(z.string()),
    improvements: z.array(z.string()),
    sections: z.record(z.string(), z.string()),
    edited: z.boolean(),
  }) satisfies z.ZodType<AiReview>,
})
