// Every HTTP limit of the web app in one place (docs/operations.md, "Limits", lists them).

/** Largest request body any API route reads; larger is a 413. */
export const MAX_BODY_BYTES = 64 * 1024
/** Deepest JSON nesting a body may have; deeper is a 400 before it is parsed. */
export const MAX_JSON_DEPTH = 16

/** People one room's waiting list holds at once; a newcomer beyond it is a 429. */
export const MAX_WAITING_PER_ROOM = 20

/** Threads that replay answer logs for reviews, and reviews that may wait for one. */
export const REVIEW_THREADS = 1
export const REVIEW_QUEUE = 4
/** Finished review replays kept (JSON characters, across sessions); least recently used go. */
export const REVIEW_CACHE_BYTES = 64 * 1024 * 1024

export type RateBucket =
  | 'rooms'
  | 'roomsAll'
  | 'roomsBusy'
  | 'join'
  | 'waiting'
  | 'call'
  | 'session'
  | 'review'
  | 'public'
  | 'aiReview'
  | 'questionSets'

/** points per duration (seconds), counted per client address (`roomsAll`: for everyone together) */
export const RATE_LIMITS: Readonly<Record<RateBucket, { points: number; duration: number }>> = {
  rooms: { points: 60, duration: 600 },
  // a ceiling for everyone together, against many addresses at once (see room-limits.ts)
  roomsAll: { points: 1000, duration: 600 },
  // per address once the ceiling is spent: the ceiling slows everyone down, it stops no one
  roomsBusy: { points: 5, duration: 600 },
  // per address and link
  join: { points: 30, duration: 60 },
  // newcomers an address may put in one room's waiting list (per address and room)
  waiting: { points: 5, duration: 600 },
  call: { points: 120, duration: 60 },
  session: { points: 240, duration: 60 },
  review: { points: 120, duration: 60 },
  public: { points: 600, duration: 60 },
  // per address and session: each one is a paid call to the deployment's AI endpoint
  aiReview: { points: 6, duration: 600 },
  // writes to coaches' question sets (create, save, delete, import): per address
  questionSets: { points: 120, duration: 600 },
}
