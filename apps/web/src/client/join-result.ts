import { isRole, type Role } from '@mockroom/access'
import type { SessionMode } from '@mockroom/answer-doc'
import type { AnswerTemplate, Question, QuestionType } from '@mockroom/questions'
import { isRecord } from './api-error'
import { isInviteLinks, type InviteLinks } from './room-links'

/** The interviewer's question picker: the whole bank with hints, and a template per type. */
export interface QuestionBank {
  questions: Question[]
  templates: Record<QuestionType, AnswerTemplate>
}

// What POST /api/join answers (plus the clock offset the client measured around the request).
export interface JoinResult {
  token: string
  /** ms since epoch */
  expiresAt: number
  syncUrl: string
  /** the role in the current round: interviewer and candidate swap in even rounds */
  role: Role
  roomId: string
  sessionId: string
  participantId: string
  /** only when the server made a new identity: kept to prove participantId later */
  participantKey?: string
  name: string
  /** interviewer only (with hints); others learn the question from the control doc */
  question: Question | null
  /** interviewer only; everyone uses the control doc's sections once revealed */
  template: AnswerTemplate | null
  round: number
  mode: SessionMode
  /** interviewer only */
  bank: QuestionBank | null
  /** only for the interviewer, keyed by role in this round */
  links?: InviteLinks
  /** server clock minus this browser's clock (ms), measured around the join request */
  clockOffset: number
}

// Shallow checks only: the answer comes from our own API, we just refuse to render garbage.
function isQuestion(value: unknown): value is Question {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    typeof value.prompt === 'string' &&
    typeof value.type === 'string' &&
    typeof value.company === 'string' &&
    typeof value.difficulty === 'string' &&
    Array.isArray(value.tags)
  )
}

function isTemplate(value: unknown): value is AnswerTemplate {
  return (
    isRecord(value) &&
    Array.isArray(value.sections) &&
    value.sections.every(
      (s) =>
        isRecord(s) &&
        typeof s.key === 'string' &&
        typeof s.title === 'string' &&
        typeof s.prompt === 'string' &&
        typeof s.minutes === 'number',
    )
  )
}

function isBank(value: unknown): value is QuestionBank {
  return (
    isRecord(value) &&
    Array.isArray(value.questions) &&
    value.questions.every(isQuestion) &&
    isRecord(value.templates) &&
    Object.values(value.templates).every(isTemplate)
  )
}

/** The API's answer as a JoinResult, or null when it is not one. */
export function parseJoinResult(value: unknown, clockOffset: number): JoinResult | null {
  if (
    !isRecord(value) ||
    typeof value.token !== 'string' ||
    typeof value.expiresAt !== 'number' ||
    typeof value.syncUrl !== 'string' ||
    !isRole(value.role) ||
    typeof value.roomId !== 'string' ||
    typeof value.sessionId !== 'string' ||
    typeof value.participantId !== 'string' ||
    typeof value.name !== 'string' ||
    !(value.question === null || isQuestion(value.question)) ||
    !(value.template === null || isTemplate(value.template)) ||
    !(value.bank === undefined || value.bank === null || isBank(value.bank)) ||
    !(value.participantKey === undefined || typeof value.participantKey === 'string') ||
    !(value.links === undefined || isInviteLinks(value.links))
  ) {
    return null
  }
  return {
    token: value.token,
    expiresAt: value.expiresAt,
    syncUrl: value.syncUrl,
    role: value.role,
    roomId: value.roomId,
    sessionId: value.sessionId,
    participantId: value.participantId,
    ...(value.participantKey ? { participantKey: value.participantKey } : {}),
    name: value.name,
    question: value.question,
    template: value.template,
    round: typeof value.round === 'number' ? value.round : 1,
    mode: value.mode === 'practice' ? 'practice' : 'interview',
    bank: value.bank ?? null,
    ...(value.links ? { links: value.links } : {}),
    clockOffset,
  }
}
