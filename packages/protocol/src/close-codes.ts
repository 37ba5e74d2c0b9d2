// WebSocket close codes of the sync server and what a client does with each
// (docs/protocol.md, "Close codes", is generated from the same table by hand: keep in step).
// 4400-4499 are terminal for y-websocket 3: it does not reconnect after them by itself.
export const CloseCode = {
  /** malformed frame or unknown message type */
  badMessage: 4400,
  /** token missing, forged or unreadable */
  unauthorized: 4401,
  /** token expired: fetch a new one and reconnect */
  tokenExpired: 4402,
  /** the token's role may not open this document, or the token is for another session */
  forbidden: 4403,
  /** the document name is not `<sessionId>/answer`, `/private` or `/control` */
  unknownDocument: 4404,
  /** the interviewer removed this participant from the room; their tokens no longer work */
  removed: 4410,
  /** a document or session is over its size limit, or an awareness state is too large */
  tooLarge: 4413,
  /** an update the server refuses: deletes beyond the document, nesting too deep, too many pending */
  refused: 4422,
  /** too many frames, awareness updates or control requests on one connection */
  rateLimited: 4429,
  /** the connection read too slowly: more than the cap of bytes waited to be sent to it */
  slowReader: 4503,
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

/** renew-token: fetch a fresh token and reconnect; stop: tell the person; reconnect: try again */
export type CloseAction = 'renew-token' | 'stop' | 'reconnect'

export interface CloseRule {
  action: CloseAction
  /** what the server meant, for the docs and logs */
  meaning: string
  /** what the person reads when the client gives up */
  message: string
}

const reload = 'Reload the page to reconnect.'

export const closeRules: Readonly<Record<CloseCodeValue, CloseRule>> = {
  4400: {
    action: 'stop',
    meaning: 'malformed frame, unknown message type, undecodable update',
    message: `The sync server rejected a malformed message. ${reload}`,
  },
  4401: {
    action: 'renew-token',
    meaning: 'token missing, forged or unreadable (renewed once, then final)',
    message: 'The sync server did not accept your session. Reload the page to join again.',
  },
  4402: {
    action: 'renew-token',
    meaning: 'token expired',
    message: 'Your session expired and could not be renewed. Reload the page to join again.',
  },
  4403: {
    action: 'stop',
    meaning: 'the role may not open this document, or the token is for another session',
    message:
      'The sync server refused access to this interview’s documents. Ask the interviewer for a new link.',
  },
  4404: {
    action: 'stop',
    meaning: 'document name is not `<sessionId>/answer`, `/private` or `/control`',
    message: 'This interview’s documents could not be found. The room may have been closed.',
  },
  4410: {
    action: 'stop',
    meaning:
      'the interviewer removed this participant; their tokens and id are refused from then on',
    message: 'You were removed from this room by the interviewer.',
  },
  4413: {
    action: 'stop',
    meaning: 'the document or session is over its size limit, or an awareness state is too large',
    message:
      'This interview has reached its size limit. Everything saved so far is kept, but new edits are not accepted.',
  },
  4422: {
    action: 'stop',
    meaning: 'update refused: deletes beyond the document, nesting too deep, too many pending',
    message: `The sync server refused an edit it could not apply safely. ${reload}`,
  },
  4429: {
    action: 'stop',
    meaning: 'too many frames or awareness updates on one connection',
    message: `Too many messages in a short time, so the sync server closed the connection. ${reload}`,
  },
  4503: {
    action: 'reconnect',
    meaning: 'the connection read too slowly: over 2 MiB waited to be sent to it',
    message: `The connection was too slow to keep up with the interview. ${reload}`,
  },
  1001: {
    action: 'reconnect',
    meaning: 'server shutting down',
    message: `The sync server is restarting. ${reload}`,
  },
  1009: {
    action: 'reconnect',
    meaning: 'frame over 1 MiB (the edit is too large)',
    message: `An edit was too large for the sync server. ${reload}`,
  },
  1011: {
    action: 'reconnect',
    meaning: 'the store could not make an update durable; unsent edits are resent',
    message: `The sync server could not save an edit. ${reload}`,
  },
  1013: {
    action: 'reconnect',
    meaning: 'too many connections from this address or to this session (backoff)',
    message: `The sync server is busy. ${reload}`,
  },
}

const isKnown = (code: number): code is CloseCodeValue => Object.hasOwn(closeRules, code)

/**
 * The rule for any close code. Codes we never send follow y-websocket's convention:
 * 4400-4499 mean reconnecting cannot help, anything else is transient.
 */
export function closeRule(code: number): CloseRule {
  if (isKnown(code)) return closeRules[code]
  const terminal = code >= 4400 && code < 4500
  return {
    action: terminal ? 'stop' : 'reconnect',
    meaning: 'not a code this server sends',
    message: `The sync server closed the connection (code ${code}). ${reload}`,
  }
}
