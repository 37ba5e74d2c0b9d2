import { NextResponse } from 'next/server'
import { createSetRequestSchema, type CreatedSet } from '@/contract/question-sets'
import { handle, readJson } from '@/server/http/http-json'
import { publicOrigin } from '@/server/http/origin'
import { createSet } from '@/server/question-sets/question-set-service'
import { serverContext } from '@/server/server-context'

export const POST = handle('questionSets', async (request: Request) => {
  const { title } = await readJson(request, createSetRequestSchema)
  const ctx = await serverContext()
  const created = await createSet(ctx, title, publicOrigin(request, ctx.env))
  return NextResponse.json<CreatedSet>(created, { status: 201 })
})
