import { buildRecordJson } from '@/server/review/review-records'
import { sessionReviewGet } from '@/server/review/session-review-get'

// The saved session (schema mockroom.session/1) as this link's role in that round may see it.
export const GET = sessionReviewGet(
  buildRecordJson,
  (json) =>
    new Response(json, {
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    }),
)
