import type { SessionRecord, SessionSummary } from '@mockroom/session-model'
import { z } from 'zod'

// Bodies of the review API, shared by its route handlers and the browser.

const nullableTime = z.number().nullable()

// GET /api/review/<capability>: one entry per round of the room the link belongs to
export const sessionSummarySchema = z.object({
  sessionId: z.string(),
  round: z.number(),
  role: z.string(),
  questionTitle: z.string().nullable(),
  status: z.string(),
  createdAt: z.number(),
  startedAt: nullableTime,
  endedAt: nullableTime,
  participants: z.array(z.object({ name: z.string(), role: z.string() })),
  scores: z.array(z.object({ section: z.string(), score: z.number() })),
  hasAudio: z.boolean().optional(),
}) satisfies z.ZodType<SessionSummary>

export const reviewListResponseSchema = z.object({
  roomId: z.string(),
  sessions: z.array(sessionSummarySchema),
})
export type ReviewListResponse = z.infer<typeof reviewListResponseSchema>

// GET /api/review/<capability>/<sessionId>: the record (`mockroom.session/1`, see
// docs/architecture.md). Checked as far as the page needs before rendering; the record is built
// by SessionRecord's own type on the server.
export const sessionRecordSchema = z.looseObject({
  schema: z.literal('mockroom.session/1'),
  session: z.looseObject({ id: z.string(), status: z.string(), createdAt: z.number() }),
  sections: z.array(z.looseObject({ key: z.string(), title: z.string() })),
  transcript: z.array(z.unknown()),
  answerUpdates: z.array(z.looseObject({ at: z.number(), data: z.string() })),
  breaks: z.array(z.unknown()),
}) as unknown as z.ZodType<SessionRecord>

// GET /api/review/<capability>/<sessionId>/transcription: where the server's transcription stands
export const transcriptionStatusSchema = z.object({
  tracks: z.array(
    z.object({
      trackId: z.string(),
      participantId: z.string(),
      name: z.string(),
      status: z.enum(['queued', 'running', 'done', 'failed']),
      progress: z.number(),
    }),
  ),
})
