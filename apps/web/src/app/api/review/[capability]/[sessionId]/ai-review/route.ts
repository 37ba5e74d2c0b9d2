import { NextResponse } from 'next/server'
import { HttpError } from '@/server/http/http-error'
import { handle, rateLimit } from '@/server/http/http-json'
import { proofFromHeaders } from '@/server/join/participant-identity'
import { serverContext } from '@/server/server-context'
import { aiReviewerConfig, askAiReviewer } from '@/server/review/ai-review-service'
import { buildRecord } from '@/server/review/review-records'

type Context = { params: Promise<{ capability: string; sessionId: string }> }

// Whether this deployment has an AI reviewer, for that round's interviewer: the button exists
// only then (404 otherwise, also without the setting).
export const GET = handle('review', async (request: Request, { params }: Context) => {
  const { capability, sessionId } = await params
  const ctx = await serverContext()
  const config = aiReviewerConfig(ctx.env)
  if (!config) throw new HttpError(404, 'no AI reviewer is set up on this server')
  const record = await buildRecord(ctx.store, capability, sessionId, proofFromHeaders(request))
  if (!record) throw new HttpError(404, 'this review link is not valid')
  if (record.viewer.role !== 'interviewer')
    throw new HttpError(403, 'only the interviewer of this round can ask for an AI review')
  return NextResponse.json({ available: true, model: config.model })
})

// Asks the AI reviewer about this round; the answer goes back to the interviewer, who keeps,
// edits and shares it from the room (it is stored in the private document, not here).
export const POST = handle('review', async (request: Request, { params }: Context) => {
  const { capability, sessionId } = await params
  const ctx = await serverContext()
  const config = aiReviewerConfig(ctx.env)
  if (!config) throw new HttpError(404, 'no AI reviewer is set up on this server')
  await rateLimit(request, 'aiReview', sessionId)
  const record = await buildRecord(ctx.store, capability, sessionId, proofFromHeaders(request))
  if (!record) throw new HttpError(404, 'this review link is not valid')
  if (record.viewer.role !== 'interviewer')
    throw new HttpError(403, 'only the interviewer of this round can ask for an AI review')
  if (record.session.status !== 'ended')
    throw new HttpError(409, 'ask for an AI review after the interview ends')
  const review = await askAiReviewer(config, sessionId, record)
  return NextResponse.json({ review }, { headers: { 'cache-control': 'no-store' } })
})
