import { randomBytes } from 'node:crypto'
import {
  createCapability,
  createId,
  hashCapability,
  openCapability,
  sealCapability,
} from '@mockroom/access/server'
import {
  draftMinutes,
  questionDraftSchema,
  questionOfDraft,
  VERSION_ID_PREFIX,
  withoutHints,
  type QuestionDraft,
} from '@mockroom/questions'
import { slugify, uniqueSlug } from '@mockroom/questions/files'
import type { SetQuestionRow } from '@mockroom/store'
import type {
  CreatedSet,
  QuestionSetView,
  QuestionVersions,
  SavedQuestion,
  SetQuestion,
} from '../../contract/question-sets'
import { HttpError } from '../http/http-error'
import type { ServerContext } from '../server-context'
import { MAX_SET_QUESTIONS } from './question-set-limits'
import type { OpenedSet } from './set-access'

/** A fresh version id: "qv-" and 24 hex digits (a kebab-case id, like the bank's). */
export function newVersionId(): string {
  return `${VERSION_ID_PREFIX}${randomBytes(12).toString('hex')}`
}

export const setUrl = (origin: string, capability: string) => `${origin}/sets/${capability}`

/** A stored version's data back as a draft (null if it no longer reads: never expected). */
export function draftOf(data: string): QuestionDraft | null {
  try {
    const parsed = questionDraftSchema.safeParse(JSON.parse(data))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The set's live questions with their drafts, in order. */
export async function setDrafts(
  ctx: ServerContext,
  setId: string,
): Promise<Array<{ row: SetQuestionRow; draft: QuestionDraft }>> {
  const rows = await ctx.store.questionSets.listQuestions(setId)
  return rows.flatMap((row) => {
    const draft = draftOf(row.data)
    return draft ? [{ row, draft }] : []
  })
}

/** A set with an edit link (shown once) and a share link, both capabilities stored hashed. */
export async function createSet(
  ctx: ServerContext,
  title: string,
  origin: string,
): Promise<CreatedSet> {
  const edit = createCapability()
  const share = createCapability()
  const setId = createId()
  await ctx.store.questionSets.createSet({
    id: setId,
    title,
    editHash: hashCapability(edit),
    shareHash: hashCapability(share),
    sealedShare: sealCapability(share, ctx.secret),
    now: Date.now(),
  })
  return { setId, editUrl: setUrl(origin, edit), shareUrl: setUrl(origin, share) }
}

/** The set as its link may see it: hints, guide and drafts only through the edit link. */
export async function viewSet(
  ctx: ServerContext,
  { set, access }: OpenedSet,
  origin: string,
): Promise<QuestionSetView> {
  const questions = (await setDrafts(ctx, set.id)).map(({ row, draft }): SetQuestion => {
    const full = questionOfDraft(row.versionId, draft)
    return {
      id: row.id,
      slug: row.slug,
      versionId: row.versionId,
      version: row.version,
      question: access === 'edit' ? full : withoutHints(full),
      minutes: draftMinutes(draft),
      ...(access === 'edit' ? { draft } : {}),
    }
  })
  const share = access === 'edit' ? openCapability(set.sealedShare, ctx.secret) : null
  return {
    access,
    setId: set.id,
    title: set.title,
    ...(share ? { shareUrl: setUrl(origin, share) } : {}),
    questions,
  }
}

export async function addQuestion(
  ctx: ServerContext,
  setId: string,
  draft: QuestionDraft,
): Promise<SavedQuestion> {
  const taken = new Set((await ctx.store.questionSets.listQuestions(setId)).map((q) => q.slug))
  const questionId = createId()
  const versionId = newVersionId()
  const added = await ctx.store.questionSets.addQuestion(
    setId,
    {
      questionId,
      versionId,
      slug: uniqueSlug(slugify(draft.title), taken),
      data: JSON.stringify(draft),
    },
    Date.now(),
    MAX_SET_QUESTIONS,
  )
  if (!added)
    throw new HttpError(
      409,
      `this set already holds ${MAX_SET_QUESTIONS} questions: delete one or start another set`,
    )
  return { questionId, versionId, version: 1 }
}

/** An edit is a new immutable version; sessions that used the old one keep it. */
export async function updateQuestion(
  ctx: ServerContext,
  setId: string,
  questionId: string,
  draft: QuestionDraft,
): Promise<SavedQuestion> {
  const versionId = await ctx.store.questionSets.saveVersion(
    setId,
    { questionId, versionId: newVersionId(), data: JSON.stringify(draft) },
    Date.now(),
  )
  if (!versionId) throw new HttpError(404, 'this question is not in the set (was it deleted?)')
  const version = (await ctx.store.questionSets.getVersion(versionId))?.version ?? 1
  return { questionId, versionId, version }
}

/** Every version of one of the set's questions, with its draft (for the owner: it holds hints). */
export async function questionVersions(
  ctx: ServerContext,
  setId: string,
  questionId: string,
): Promise<QuestionVersions> {
  const rows = await ctx.store.questionSets.listQuestions(setId)
  if (!rows.some((r) => r.id === questionId))
    throw new HttpError(404, 'this question is not in the set (was it deleted?)')
  const versions = (await ctx.store.questionSets.listVersions(questionId)).flatMap((v) => {
    const draft = draftOf(v.data)
    return draft ? [{ versionId: v.id, version: v.version, createdAt: v.createdAt, draft }] : []
  })
  return { versions }
}

export async function deleteQuestion(
  ctx: ServerContext,
  setId: string,
  questionId: string,
): Promise<void> {
  if (!(await ctx.store.questionSets.deleteQuestion(setId, questionId, Date.now())))
    throw new HttpError(404, 'this question is not in the set (was it deleted already?)')
}

/**
 * Whether a version may open a room through this set's link: it must be the current version of
 * one of the set's questions (a link never opens another set's question, or a deleted one).
 */
export async function setOffersVersion(
  ctx: ServerContext,
  setId: string,
  versionId: string,
): Promise<boolean> {
  const rows = await ctx.store.questionSets.listQuestions(setId)
  return rows.some((r) => r.versionId === versionId)
}
