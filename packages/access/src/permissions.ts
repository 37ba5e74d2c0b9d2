import type { ControlActionType, DocKind } from '@mockroom/protocol'
import type { DocAccess, Role } from './roles'

interface RoleRules {
  docs: Readonly<Record<DocKind, DocAccess>>
  /** has a voice: publishes audio, adds their own speech and talk time */
  speaks: boolean
  /** control actions the role may ask the sync server for */
  requests: ReadonlySet<ControlActionType> | 'all'
}

// The roles table of docs/architecture.md: every "who may" decision of server and browser reads it.
// The control document is written by the sync server alone, on a participant's control request.
const table: Readonly<Record<Role, RoleRules>> = {
  interviewer: {
    docs: { answer: 'write', private: 'write', control: 'read' },
    speaks: true,
    // 'all', not a set built from the actions' schema: the lobby reads this table, and the schema
    // would bring zod into its first JavaScript (tests/e2e/page-weight.spec.ts)
    requests: 'all',
  },
  candidate: {
    docs: { answer: 'write', private: 'none', control: 'read' },
    speaks: true,
    // their own speech and a thinking break; reveal, timer, end, share, next round and remove are
    // the interviewer's
    // and their own answer to recording
    requests: new Set(['transcript', 'talk', 'take-break', 'end-break', 'recording-answer']),
  },
  observer: {
    docs: { answer: 'read', private: 'none', control: 'read' },
    speaks: false,
    requests: new Set(),
  },
}

/** Observers listen only: no microphone, no transcript lines, no talk time. */
export function canSpeak(role: Role): boolean {
  return table[role].speaks
}

/** Whether `role` may send control request `action`; without an action, whether it may send any. */
export function canRequest(role: Role, action?: ControlActionType): boolean {
  const { requests } = table[role]
  if (requests === 'all') return true
  return action === undefined ? requests.size > 0 : requests.has(action)
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
  return table[role].docs[kind]
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

// The audio column of the roles table: everyone listens, only those with a voice publish.
export function audioGrant(role: Role): AudioGrant {
  const speaks = canSpeak(role)
  return { canPublish: speaks, canSubscribe: true, canPublishData: speaks }
}
