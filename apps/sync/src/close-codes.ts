// WebSocket close codes of the sync server (docs/architecture.md, "Close codes").
// 4400-4499 are terminal: the y-websocket 3 client does not reconnect after them by itself.
export const CloseCode = {
  /** malformed frame or unknown message type */
  badMessage: 4400,
  /** token missing, forged or unreadable */
  unauthorized: 4401,
  /** token expired: fetch a new one and reconnect */
  tokenExpired: 4402,
  /** the token's role may not open this document, or the token is for another session */
  forbidden: 4403,
  /** the document name is not `<sessionId>/answer` or `<sessionId>/private` */
  unknownDocument: 4404,
  /** the interviewer removed this participant from the room; their tokens no longer work */
  removed: 4410,
  /** a document or session is over its size limit, or an awareness state is too large */
  tooLarge: 4413,
  /** an update the server refuses: deletes beyond the document, nesting too deep, too many pending */
  refused: 4422,
  /** too many connections, frames, awareness updates or control requests in a short time */
  rateLimited: 4429,
  /** too many connections from one address or to one session: reconnect later (standard code) */
  tryAgainLater: 1013,
  /** frame over 1 MiB (standard code, sent by the ws library) */
  messageTooBig: 1009,
  /** the store could not make an update durable; reconnecting resends it */
  storageFailure: 1011,
  /** server shutting down; clients reconnect */
  goingAway: 1001,
} as const

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode]

export class CloseError extends Error {
  constructor(
    readonly code: CloseCodeValue,
    message: string,
  ) {
    super(message)
    this.name = 'CloseError'
  }
}
