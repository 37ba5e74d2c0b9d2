import { NextResponse } from 'next/server'
import type { QuestionVersions } from '@/contract/question-sets'
import { handle } from '@/server/http/http-json'
import { questionVersions } from '@/server/question-sets/question-set-service'
import { requireSet } from '@/server/question-sets/set-access'
import { serverContext } from '@/server/server-context'

type Params = { params: Promise<{ capability: string; questionId: string }> }

// A question's versions with their drafts: the edit link only, since drafts hold the hints.
export const GET = handle('public', async (_request: Request, { params }: Params) => {
  const { capability, questionId } = await params
  const ctx = await serverContext()
  const { set } = await requireSet(ctx.store, capability, 'edit')
  return NextResponse.json<QuestionVersions>(await questionVersions(ctx, set.id, questionId))
})
