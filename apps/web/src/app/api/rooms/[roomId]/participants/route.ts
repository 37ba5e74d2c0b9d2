import { NextResponse } from 'next/server'
import { handle, HttpError } from '@/server/http-json'
import { serverContext } from '@/server/server-context'
import { requireSession } from '@/server/session-auth'

export const GET = handle(
  async (request: Request, { params }: { params: Promise<{ roomId: string }> }) => {
    const { roomId } = await params
    const ctx = await serverContext()
    const claims = await requireSession(ctx, request)
    if (claims.roomId !== roomId) throw new HttpError(403, 'token is for another room')
    const rows = await ctx.store.rooms.listParticipants(roomId)
    return NextResponse.json({
      participants: rows.map((p) => ({ id: p.id, name: p.name, role: p.role })),
    })
  },
)
