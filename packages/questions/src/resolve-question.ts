import {
  questionDraftSchema,
  isVersionId,
  questionOfDraft,
  templateOfDraft,
} from './custom-question'
import { getQuestion } from './get-question'
import { templates } from './templates'
import type { AnswerTemplate, Question } from './types'

export interface ResolvedQuestion {
  /** with hints and guide: strip them (withoutHints) for anyone but the interviewer */
  question: Question
  template: AnswerTemplate
}

/** Where the versions of coaches' questions are kept (the store's questionSets repo). */
export interface VersionSource {
  getVersion(versionId: string): Promise<{ data: string } | null>
}

/**
 * The one lookup of a question id, wherever a question is resolved (room creation, join, link,
 * review, the sync server): a bank id, or a coach's immutable version (`qv-…`) from the store.
 */
export async function resolveQuestion(
  id: string,
  versions: VersionSource,
): Promise<ResolvedQuestion | null> {
  if (!isVersionId(id)) {
    const question = getQuestion(id)
    return question ? { question, template: templates[question.type] } : null
  }
  const row = await versions.getVersion(id)
  if (!row) return null
  let json: unknown
  try {
    json = JSON.parse(row.data)
  } catch {
    return null
  }
  const draft = questionDraftSchema.safeParse(json)
  if (!draft.success) return null
  return { question: questionOfDraft(id, draft.data), template: templateOfDraft(draft.data) }
}
