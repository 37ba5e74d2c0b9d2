import { NextResponse } from 'next/server'
import { transcriptionProgress } from '@/server/review/review-records'
import { sessionReviewGet } from '@/server/review/session-review-get'

// Where the server's transcription of the round's recordings stands (the review polls it while
// a track is queued or running), under the same access as the record.
export const GET = sessionReviewGet(transcriptionProgress, (status) =>
  NextResponse.json(status, { headers: { 'cache-control': 'no-store' } }),
)
