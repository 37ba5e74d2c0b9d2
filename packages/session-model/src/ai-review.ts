import type * as Y from 'yjs'

/**
 * A review written by an AI reviewer (an OpenAI-compatible endpoint the deployment configures),
 * kept in the private document so the interviewer can edit it before sharing it with the rest of
 * the feedback. Always shown as "AI-generated, may be wrong".
 */
export interface AiReview {
  model: string
  createdAt: number
  summary: string
  strengths: string[]
  improvements: string[]
  /** a comment per section key, where the reviewer had one */
  sections: Record<string, string>
  /** the interviewer changed it after it arrived */
  edited: boolean
}

// In the private document (interviewer only), beside the rubric.
const AI_REVIEW = 'ai-review'

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []

/** The stored AI review, or null; anything malformed (the document is client-written) is dropped. */
export function readAiReview(doc: Y.Doc): AiReview | null {
  const v = doc.getMap<unknown>(AI_REVIEW).get('review')
  if (typeof v !== 'object' || v === null) return null
  const r = v as Record<string, unknown>
  if (typeof r.summary !== 'string' || typeof r.model !== 'string') return null
  const sections: Record<string, string> = {}
  if (typeof r.sections === 'object' && r.sections !== null)
    for (const [k, c] of Object.entries(r.sections)) if (typeof c === 'string') sections[k] = c
  return {
    model: r.model,
    createdAt: typeof r.createdAt === 'number' ? r.createdAt : 0,
    summary: r.summary,
    strengths: strings(r.strengths),
    improvements: strings(r.improvements),
    sections,
    edited: r.edited === true,
  }
}

export function setAiReview(doc: Y.Doc, review: AiReview | null): void {
  doc.getMap<unknown>(AI_REVIEW).set('review', review)
}
