import { roleInRound } from '@mockroom/access'
import { participantColors } from '@mockroom/session-model'
import { NextResponse } from 'next/server'
import type { ParticipantsResponse } from '@/contract/room'
import { HttpError } from '@/server/http/http-error'
import { handle } from '@/server/http/http-json'
import { serverContext } from '@/server/server-context'
import { requireSession } from '@/server/join/session-auth'

export const GET = handle(
  'session',
  async (request: Request, { params }: { params: Promise<{ roomId: string }> }) => {
    const { roomId } = await params
    const ctx = await serverContext()
    const claims = await requireSession(ctx, request)
    if (claims.roomId !== roomId) throw new HttpError(403, 'token is for another room')
    const session = await ctx.store.sessions.get(claims.sessionId)
    const rows = await ctx.store.rooms.listParticipants(roomId)
    // colours over everyone who ever joined (removed people keep theirs), as the review does
    const colors = participantColors(rows.map((p) => p.id))
    // stored roles are the links' roles; show each person's role in the current round
    const participants = rows
      // people in the waiting room are listed apart (interviewer only, /waiting)
      .filter((p) => p.removedAt === null && p.admission === 'admitted')
      .map((p) => ({
        id: p.id,
        name: p.name,
        role: roleInRound(p.role, session?.swapped ?? false),
        color: colors[p.id],
      }))
    return NextResponse.json<ParticipantsResponse>({ participants })
  },
)
