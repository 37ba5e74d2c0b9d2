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
