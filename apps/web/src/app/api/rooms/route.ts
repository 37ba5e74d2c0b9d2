import { NextResponse } from 'next/server'
import { createRoomRequestSchema, type CreateRoomResponse } from '@/contract/room'
import { createRoom } from '@/server/rooms/create-room'
import { countRoomCreation } from '@/server/rooms/room-limits'
import { handle, readJson } from '@/server/http/http-json'
import { publicOrigin } from '@/server/http/origin'
import { clientAddress } from '@/server/http/request-address'
import { serverContext } from '@/server/server-context'

export const POST = handle('rooms', async (request: Request) => {
  const input = await readJson(request, createRoomRequestSchema)
  const ctx = await serverContext()
  await countRoomCreation(ctx.limits, clientAddress(request))
  const room = await createRoom(ctx, input, publicOrigin(request, ctx.env))
  return NextResponse.json<CreateRoomResponse>(room, { status: 201 })
})
