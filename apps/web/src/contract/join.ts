import { questionSchema, templateSchema } from '@mockroom/questions'
import { z } from 'zod'
import { inviteLinksSchema, questionTypeSchema, roleSchema } from './room'

// Request and response bodies of the join API, shared by the route handler and the browser.

// POST /api/join
export const joinRequestSchema = z.object({
  capability: z.string().min(1).max(200),
  name: z.string().max(400),
  /** the same id again keeps the person's identity (reloads, rounds); needs its key */
  participantId: z.string().max(64).optional(),
  participantKey: z.string().max(64).optional(),
})
export type JoinRequest = z.infer<typeof joinRequestSchema>

export const joinResponseSchema = z.object({
  token: z.string(),
  /** ms since epoch */
  expiresAt: z.number(),
  /** server clock at response time (ms), so every browser shows the same countdown */
  serverNow: z.number(),
  syncUrl: z.string(),
  /** the role in the room's current round (interviewer and candidate swap in round 2) */
  role: roleSchema,
  roomId: z.string(),
  sessionId: z.string(),
  round: z.number().int(),
  mode: z.enum(['interview', 'practice']),
  participantId: z.string(),
  /** only when a new identity was made: the browser keeps it to prove `participantId` later */
  participantKey: z.string().optional(),
  name: z.string(),
  /** interviewer only: the chosen question with hints; others learn it when it is revealed */
  question: questionSchema.nullable(),
  /** interviewer only; everyone uses the control doc's sections once revealed */
  template: templateSchema.nullable(),
  /** interviewer only: the bank (with hints) for choosing or changing the question */
  bank: z
    .object({
      questions: z.array(questionSchema),
      templates: z.record(questionTypeSchema, templateSchema),
    })
    .optional(),
  /**
   * interviewer only, keyed by role in this round: never a link that opens more than the
   * interviewer's own (after a swap, the other seat's link was round 1's interviewer link)
   */
  links: inviteLinksSchema.optional(),
})
export type JoinResponse = z.infer<typeof joinResponseSchema>

export type QuestionBank = NonNullable<JoinResponse['bank']>

/** POST /api/join answers 202 with this once the interview runs: no token until admitted. */
export const waitingResponseSchema = z.object({
  waiting: z.literal(true),
  participantId: z.string(),
  /** only when a new identity was made, as in JoinResponse */
  participantKey: z.string().optional(),
  name: z.string(),
  roomId: z.string(),
})
export type WaitingResponse = z.infer<typeof waitingResponseSchema>

// POST /api/token: a fresh session token for a person who already joined, proven by their key.
export const tokenRequestSchema = z.object({
  capability: z.string().min(1).max(200),
  participantId: z.string().min(1).max(64),
  participantKey: z.string().min(1).max(64),
})
export type TokenRequest = z.infer<typeof tokenRequestSchema>

export const tokenResponseSchema = z.object({
  token: z.string(),
  /** ms since epoch */
  expiresAt: z.number(),
  /** the round the token is for: another than the browser's means a new round began */
  sessionId: z.string(),
})
export type TokenResponse = z.infer<typeof tokenResponseSchema>
