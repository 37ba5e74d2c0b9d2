import { NextResponse } from 'next/server'
import { admissionRequestSchema, type AdmissionStatus } from '@/contract/room'
import { handle, readJson } from '@/server/http/http-json'
import { serverContext } from '@/server/server-context'
import { admissionStatus } from '@/server/rooms/waiting-room'

/**
 * A waiting person's browser asks whether the interviewer let them in; once admitted it joins
 * again with the same participant id and key and only then gets a token.
 */
export const POST = handle('session', async (request: Request) => {
  const input = await readJson(request, admissionRequestSchema)
  const status = await admissionStatus(await serverContext(), input)
  return NextResponse.json<{ status: AdmissionStatus }>(
    { status },
    { headers: { 'cache-control': 'no-store' } },
  )
})
