import { NextResponse } from 'next/server'
import { handle } from '@/server/http/http-json'
import { publicOrigin } from '@/server/http/origin'
import { serverContext } from '@/server/server-context'
import { replaceRoomLinks, requireInterviewer } from '@/server/rooms/waiting-room'

/** "New links": the old links stop working for anyone new; the new ones come back. */
export const POST = handle(
  'session',
  async (request: Request, { params }: { params: Promise<{ roomId: string }> }) => {
    const { roomId } = await params
    const ctx = await serverContext()
    const claims = await requireInterviewer(ctx, request, roomId)
    const links = await replaceRoomLinks(ctx, claims, publicOrigin(request, ctx.env))
    return NextResponse.json({ links }, { headers: { 'cache-control': 'no-store' } })
  },
)
