// Close codes of our sync server (docs/architecture.md). 4401/4402 are handled by renewing the
// token; the rest mean reconnecting cannot help, so the person needs to be told.
export const CLOSE_TOKEN_INVALID = 4401
export const CLOSE_TOKEN_EXPIRED = 4402
/** the interviewer removed this person: terminal for the whole room, not just one document */
export const CLOSE_REMOVED = 4410

export const removedProblem = 'You were removed from this room by the interviewer.'

export function closeProblem(code: number): string {
  switch (code) {
    case 4401:
      return 'The sync server did not accept your session. Reload the page to join again.'
    case 4403:
      return 'The sync server refused access to this interview’s documents. Ask the interviewer for a new link.'
    case 4404:
      return 'This interview’s documents could not be found. The room may have been closed.'
    case 4400:
      return 'The sync server rejected a malformed message. Reload the page to reconnect.'
    case CLOSE_REMOVED:
      return removedProblem
    case 4413:
      return 'This interview has reached its size limit. Everything saved so far is kept, but new edits are not accepted.'
    case 4422:
      return 'The sync server refused an edit it could not apply safely. Reload the page to reconnect.'
    case 4429:
      return 'Too many messages in a short time, so the sync server closed the connection. Reload the page to reconnect.'
    default:
      return `The sync server closed the connection (code ${code}). Reload the page to reconnect.`
  }
}

export const renewFailedProblem =
  'Your session expired and could not be renewed. Reload the page to join again.'
