import { isRole, type Role } from '@mockroom/access'
import type { AnswerTemplate, Question } from '@mockroom/questions'
import { isRecord } from './api-error'
import { isRoomLinks, type RoomLinks } from './room-links'

// What POST /api/join answers: everything the room needs to open the shared document.
export interface JoinResult {
  token: string
  /** ms since epoch */
  expiresAt: number
  syncUrl: string
  role: Role
  roomId: string
  sessionId: string
  participantId: string
  name: string
  question: Question
  template: AnswerTemplate
  /** only for the interviewer */
  links?: RoomLinks
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

export function isJoinResult(value: unknown): value is JoinResult {
  return (
    isRecord(value) &&
    typeof value.token === 'string' &&
    typeof value.expiresAt === 'number' &&
    typeof value.syncUrl === 'string' &&
    isRole(value.role) &&
    typeof value.roomId === 'string' &&
    typeof value.sessionId === 'string' &&
    typeof value.participantId === 'string' &&
    typeof value.name === 'string' &&
    isQuestion(value.question) &&
    isTemplate(value.template) &&
    (value.links === undefined || isRoomLinks(value.links))
  )
}
