import type { Role } from '@mockroom/access'
import type { QuestionType } from '@mockroom/questions'
import { z } from 'zod'

// Request and response bodies of the room APIs, shared by the route handlers and the browser.

export const roleSchema = z.enum(['interviewer', 'candidate', 'observer']) satisfies z.ZodType<Role>

export const questionTypeSchema = z.enum([
  'product-improvement',
  'product-design',
  'success-metrics',
  'root-cause',
  'trade-off',
]) satisfies z.ZodType<QuestionType>

const links = z.object({ interviewer: z.string(), candidate: z.string(), observer: z.string() })

/** The three links of a new room; `POST /api/rooms` answers with them once. */
export const roomLinksSchema = links
export type RoomLinks = z.infer<typeof roomLinksSchema>

/** The interviewer's invite links, keyed by role in the current round (some may be withheld). */
export const inviteLinksSchema = links.partial()
export type InviteLinks = z.infer<typeof inviteLinksSchema>

// POST /api/rooms
export const createRoomRequestSchema = z.object({
  questionId: z.string().min(1).max(200),
  mode: z.enum(['interview', 'practice']).default('interview'),
  /** a coach's question (`qv-…`): the set's share or edit link, which must offer that version */
  setCapability: z.string().min(1).max(200).optional(),
})
export type CreateRoomRequest = z.input<typeof createRoomRequestSchema>

export const createRoomResponseSchema = z.object({
  roomId: z.string(),
  sessionId: z.string(),
  links: roomLinksSchema,
})
export type CreateRoomResponse = z.infer<typeof createRoomResponseSchema>

// GET /api/rooms/<roomId>/participants
export const participantSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** role in the current round */
  role: roleSchema,
  /** this person's colour in the room (distinct per person); absent until the API answered */
  color: z.string().optional(),
})
export type Participant = z.infer<typeof participantSchema>

export const participantsResponseSchema = z.object({ participants: z.array(participantSchema) })
export type ParticipantsResponse = z.infer<typeof participantsResponseSchema>

// The waiting room (see docs/architecture.md, "Waiting room") and "New links".

// POST /api/admission: a waiting browser asks with its participant id and key
export const admissionRequestSchema = z.object({
  participantId: z.string().min(1).max(64),
  participantKey: z.string().min(1).max(64),
})
export const admissionResponseSchema = z.object({
  status: z.enum(['waiting', 'admitted', 'turned-away', 'removed']),
})
export type AdmissionStatus = z.infer<typeof admissionResponseSchema>['status']

// GET /api/rooms/[roomId]/waiting (interviewer)
export const waitingPersonSchema = z.object({ id: z.string(), name: z.string(), role: roleSchema })
export type WaitingPerson = z.infer<typeof waitingPersonSchema>
export const waitingListResponseSchema = z.object({ waiting: z.array(waitingPersonSchema) })

// POST /api/rooms/[roomId]/waiting (interviewer)
export const admissionDecisionSchema = z.object({
  participantId: z.string().min(1).max(64),
  decision: z.enum(['admit', 'turn-away']),
})

// POST /api/rooms/[roomId]/links (interviewer)
export const newLinksResponseSchema = z.object({ links: inviteLinksSchema })
