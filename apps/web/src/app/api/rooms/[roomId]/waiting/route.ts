import { NextResponse } from 'next/server'
import { admissionDecisionSchema } from '@/contract/room'
import { handle, readJson } from '@/server/http/http-json'
import { serverContext } from '@/server/server-context'
import { decideAdmission, listWaiting, requireInterviewer } from '@/server/rooms/waiting-room'

type Params = { params: Promise<{ roomId: string }> }

/** The interviewer's waiting room: who is waiting to be let in (polled by the People panel). */
export const GET = handle('session', async (request: Request, { params }: Params) => {
  const { roomId } = await params
  const ctx = await serverContext()
  await requireInterviewer(ctx, request, roomId)
  const waiting = await listWaiting(ctx, roomId)
  return NextResponse.json({ waiting }, { headers: { 'cache-control': 'no-store' } })
})

export const POST = handle('session', async (request: Request, { params }: Params) => {
  const { roomId } = await params
  const ctx = await serverContext()
  await requireInterviewer(ctx, request, roomId)
  const input = await readJson(request, admissionDecisionSchema)
  await decideAdmission(ctx, roomId, input.participantId, input.decision)
  return NextResponse.json({ ok: true })
})
