import { NextResponse } from 'next/server'
import { renameSetRequestSchema, type QuestionSetView } from '@/contract/question-sets'
import { handle, readJson } from '@/server/http/http-json'
import { publicOrigin } from '@/server/http/origin'
import { viewSet } from '@/server/question-sets/question-set-service'
import { requireSet } from '@/server/question-sets/set-access'
import { serverContext } from '@/server/server-context'

type Params = { params: Promise<{ capability: string }> }

export const GET = handle('public', async (request: Request, { params }: Params) => {
  const ctx = await serverContext()
  const opened = await requireSet(ctx.store, (await params).capability, 'share')
  const view = await viewSet(ctx, opened, publicOrigin(request, ctx.env))
  return NextResponse.json<QuestionSetView>(view)
})

export const PATCH = handle('questionSets', async (request: Request, { params }: Params) => {
  const ctx = await serverContext()
  const { set } = await requireSet(ctx.store, (await params).capability, 'edit')
  const { title } = await readJson(request, renameSetRequestSchema)
  await ctx.store.questionSets.renameSet(set.id, title, Date.now())
  return NextResponse.json({ title })
})
