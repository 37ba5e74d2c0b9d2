import { NextResponse } from 'next/server'
import { z } from 'zod'
import { createRoom } from '@/server/create-room'
import { handle, readJson } from '@/server/http-json'
import { publicOrigin } from '@/server/origin'
import { serverContext } from '@/server/server-context'

const body = z.object({
  questionId: z.string().min(1).max(200),
  mode: z.enum(['interview', 'practice']).default('interview'),
})

export const POST = handle('rooms', async (request: Request) => {
  const input = await readJson(request, body)
  const ctx = await serverContext()
  await ctx.limits.consume('roomsAll', 'everyone')
  const room = await createRoom(ctx, input, publicOrigin(request, ctx.env))
  return NextResponse.json(room, { status: 201 })
})
