import type { DocKind } from '@mockroom/protocol'
import type { DocAccess, Role } from './roles'

// The roles table of docs/architecture.md; the sync server enforces it per document.
// The control document is written by the sync server alone, on an interviewer's control request.
const table: Readonly<Record<Role, Readonly<Record<DocKind, DocAccess>>>> = {
  interviewer: { answer: 'write', private: 'write', control: 'read' },
  candidate: { answer: 'write', private: 'none', control: 'read' },
  observer: { answer: 'read', private: 'none', control: 'read' },
}

/** Only interviewers may send control requests (reveal, timer, end, share, next round, remove). */
export function canControl(role: Role): boolean {
  return role === 'interviewer'
}

/**
 * A link's role in a given round: peers swap for round 2 (and back for round 3), so the
 * interviewer link becomes the candidate and the other way round; observers stay observers.
 */
export function roleInRound(linkRole: Role, swapped: boolean): Role {
  if (!swapped || linkRole === 'observer') return linkRole
  return linkRole === 'interviewer' ? 'candidate' : 'interviewer'
}

export function docAccess(role: Role, kind: DocKind): DocAccess {
  return table[role][kind]
}

export function canRead(role: Role, kind: DocKind): boolean {
  return docAccess(role, kind) !== 'none'
}

export function canWrite(role: Role, kind: DocKind): boolean {
  return docAccess(role, kind) === 'write'
}

export interface AudioGrant {
  canPublish: boolean
  canSubscribe: boolean
  canPublishData: boolean
}

// The audio column of the roles table: observers listen only.
const audio: Readonly<Record<Role, AudioGrant>> = {
  interviewer: { canPublish: true, canSubscribe: true, canPublishData: true },
  candidate: { canPublish: true, canSubscribe: true, canPublishData: true },
  observer: { canPublish: false, canSubscribe: true, canPublishData: false },
}

export function audioGrant(role: Role): AudioGrant {
  return audio[role]
}
