import type { DocAccess, DocKind, Role } from './roles'

// The roles table of docs/architecture.md; the sync server enforces it per document.
const table: Readonly<Record<Role, Readonly<Record<DocKind, DocAccess>>>> = {
  interviewer: { answer: 'write', private: 'write' },
  candidate: { answer: 'write', private: 'none' },
  observer: { answer: 'read', private: 'none' },
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
