import { createId } from '@mockroom/access/server'
import { parseImportFiles, type ImportFile } from '@mockroom/questions/files'
import type { SetImport } from '@mockroom/store'
import type { ImportReport } from '../../contract/question-sets'
import { HttpError } from '../http/http-error'
import type { ServerContext } from '../server-context'
import { MAX_IMPORT_FILES, MAX_SET_QUESTIONS } from './question-set-limits'
import { newVersionId, setDrafts } from './question-set-service'

/**
 * An import's dry run: each question by its file name (slug) is new, changed or unchanged against
 * the set; problems name file and line. With `apply`, a clean import is written in one
 * transaction; any problem saves nothing.
 */
export async function importFiles(
  ctx: ServerContext,
  setId: string,
  files: readonly ImportFile[],
  apply: boolean,
  skippedBefore: readonly string[] = [],
): Promise<{ status: number; report: ImportReport }> {
  const questionFiles = files.filter((f) => /\.(md|markdown|json)$/i.test(f.name))
  if (questionFiles.length > MAX_IMPORT_FILES)
    throw new HttpError(413, `an import reads at most ${MAX_IMPORT_FILES} question files`)
  const parsed = parseImportFiles(files)
  const existing = new Map((await setDrafts(ctx, setId)).map((q) => [q.row.slug, q]))
  const report: ImportReport = {
    added: [],
    changed: [],
    unchanged: [],
    problems: parsed.problems,
    skipped: [...skippedBefore, ...parsed.skipped],
    saved: false,
  }
  const adds: Array<SetImport['adds'][number]> = []
  const changes: Array<SetImport['changes'][number]> = []
  const batch: SetImport = { adds, changes, now: Date.now(), maxQuestions: MAX_SET_QUESTIONS }
  for (const { slug, draft } of parsed.questions) {
    const entry = { slug, title: draft.title }
    const data = JSON.stringify(draft)
    const known = existing.get(slug)
    if (!known) {
      report.added.push(entry)
      adds.push({ questionId: createId(), versionId: newVersionId(), slug, data })
    } else if (JSON.stringify(known.draft) === data) report.unchanged.push(entry)
    else {
      report.changed.push(entry)
      changes.push({ questionId: known.row.id, versionId: newVersionId(), data })
    }
  }
  if (existing.size + batch.adds.length > MAX_SET_QUESTIONS)
    report.problems.push({
      file: '(import)',
      line: null,
      message: `the set would hold ${existing.size + batch.adds.length} questions: at most ${MAX_SET_QUESTIONS}`,
    })
  if (parsed.questions.length === 0 && report.problems.length === 0)
    report.problems.push({
      file: '(import)',
      line: null,
      message: 'no question files (.md or .json) found',
    })
  if (report.problems.length) return { status: apply ? 422 : 200, report }
  if (!apply) return { status: 200, report }
  if (batch.adds.length || batch.changes.length) {
    const ok = await ctx.store.questionSets.applyImport(setId, batch)
    if (!ok) throw new HttpError(409, `the set would hold more than ${MAX_SET_QUESTIONS} questions`)
  }
  return { status: 200, report: { ...report, saved: true } }
}
