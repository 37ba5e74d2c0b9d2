import type { QuestionDraft } from '@mockroom/questions'
import {
  createSetResponseSchema,
  importReportSchema,
  questionVersionsResponseSchema,
  savedQuestionResponseSchema,
  type CreatedSet,
  type ImportReport,
  type QuestionVersions,
  type SavedQuestion,
} from '../../contract/question-sets'
import { ApiError, apiErrorFrom, readBody } from '../../lib/api-error'

const json = { 'content-type': 'application/json' }
const base = (capability: string) => `/api/question-sets/${encodeURIComponent(capability)}`

export async function createSet(title: string): Promise<CreatedSet> {
  const res = await fetch('/api/question-sets', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ title }),
  })
  if (!res.ok) throw await apiErrorFrom(res, 'The set could not be created. Please try again.')
  return readBody(res, createSetResponseSchema)
}

/** Saves a new question (no id) or a new version of one. */
export async function saveQuestion(
  capability: string,
  questionId: string | null,
  draft: QuestionDraft,
): Promise<SavedQuestion> {
  const res = await fetch(
    questionId
      ? `${base(capability)}/questions/${encodeURIComponent(questionId)}`
      : `${base(capability)}/questions`,
    { method: questionId ? 'PUT' : 'POST', headers: json, body: JSON.stringify({ draft }) },
  )
  if (!res.ok) throw await apiErrorFrom(res, 'The question could not be saved. Please try again.')
  return readBody(res, savedQuestionResponseSchema)
}

/** Every version of a question, oldest first (the edit link). */
export async function questionVersions(
  capability: string,
  questionId: string,
): Promise<QuestionVersions> {
  const res = await fetch(
    `${base(capability)}/questions/${encodeURIComponent(questionId)}/versions`,
  )
  if (!res.ok) throw await apiErrorFrom(res, 'The versions could not be loaded.')
  return readBody(res, questionVersionsResponseSchema)
}

export async function deleteQuestion(capability: string, questionId: string): Promise<void> {
  const res = await fetch(`${base(capability)}/questions/${encodeURIComponent(questionId)}`, {
    method: 'DELETE',
  })
  if (!res.ok) throw await apiErrorFrom(res, 'The question could not be deleted.')
}

export async function renameSet(capability: string, title: string): Promise<void> {
  const res = await fetch(base(capability), {
    method: 'PATCH',
    headers: json,
    body: JSON.stringify({ title }),
  })
  if (!res.ok) throw await apiErrorFrom(res, 'The title could not be saved.')
}

/** Sends the chosen files: one zip as is, Markdown and JSON files as text. */
export async function importFiles(
  capability: string,
  files: readonly File[],
  apply: boolean,
): Promise<ImportReport> {
  const zip = files.find((f) => /\.zip$/i.test(f.name))
  if (zip && files.length > 1)
    throw new ApiError('Choose one zip, or Markdown and JSON files, not both.', 400)
  const body = zip
    ? await zip.arrayBuffer()
    : JSON.stringify({
        files: await Promise.all(
          // other files of a folder are only named (the report lists them as left out)
          files.map(async (f) => ({
            name: f.webkitRelativePath || f.name,
            text: /\.(md|markdown|json)$/i.test(f.name) ? await f.text() : '',
          })),
        ),
      })
  const res = await fetch(`${base(capability)}/import${apply ? '?apply=1' : ''}`, {
    method: 'POST',
    headers: { 'content-type': zip ? 'application/zip' : 'application/json' },
    body,
  })
  if (res.status === 422) return readBody(res, importReportSchema)
  if (!res.ok) throw await apiErrorFrom(res, 'The files could not be read. Please try again.')
  return readBody(res, importReportSchema)
}

export const exportUrl = (capability: string, format: 'zip' | 'json') =>
  `${base(capability)}/export?format=${format}`
