import { docKinds, type DocKind } from './doc-kind'

// Document names are `<sessionId>/answer|private|control` (docs/protocol.md, "Document names").
const DOC_NAME = new RegExp(`^([A-Za-z0-9_-]{1,64})/(${docKinds.join('|')})$`)

export function answerDocName(sessionId: string): string {
  return `${sessionId}/answer`
}

export function privateDocName(sessionId: string): string {
  return `${sessionId}/private`
}

export function controlDocName(sessionId: string): string {
  return `${sessionId}/control`
}

export function parseDocName(name: string): { sessionId: string; kind: DocKind } | null {
  const m = DOC_NAME.exec(name)
  if (!m) return null
  return { sessionId: m[1] as string, kind: m[2] as DocKind }
}
