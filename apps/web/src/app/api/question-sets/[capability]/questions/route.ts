import { NextResponse } from 'next/server'
import { saveQuestionRequestSchema, type SavedQuestion } from '@/contract/question-sets'
import { handle, readJson } from '@/server/http/http-json'
import { addQuestion } from '@/server/question-sets/question-set-service'
import { requireSet } from '@/server/question-sets/set-access'
import { serverContext } from '@/server/server-context'

export const POST = handle(
  'questionSets',
  async (request: Request, { params }: { params: Promise<{ capability: string }> }) => {
    const ctx = await serverContext()
    const { set } = await requireSet(ctx.store, (await params).capability, 'edit')
    const { draft } = await readJson(request, saveQuestionRequestSchema)
    return NextResponse.json<SavedQuestion>(await addQuestion(ctx, set.id, draft), { status: 201 })
  },
)
