import { NextResponse } from 'next/server'
import { saveQuestionRequestSchema, type SavedQuestion } from '@/contract/question-sets'
import { handle, readJson } from '@/server/http/http-json'
import { deleteQuestion, updateQuestion } from '@/server/question-sets/question-set-service'
import { requireSet } from '@/server/question-sets/set-access'
import { serverContext } from '@/server/server-context'

type Params = { params: Promise<{ capability: string; questionId: string }> }

export const PUT = handle('questionSets', async (request: Request, { params }: Params) => {
  const { capability, questionId } = await params
  const ctx = await serverContext()
  const { set } = await requireSet(ctx.store, capability, 'edit')
  const { draft } = await readJson(request, saveQuestionRequestSchema)
  return NextResponse.json<SavedQuestion>(await updateQuestion(ctx, set.id, questionId, draft))
})

export const DELETE = handle('questionSets', async (_request: Request, { params }: Params) => {
  const { capability, questionId } = await params
  const ctx = await serverContext()
  const { set } = await requireSet(ctx.store, capability, 'edit')
  await deleteQuestion(ctx, set.id, questionId)
  return NextResponse.json({ deleted: true })
})
