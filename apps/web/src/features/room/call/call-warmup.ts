import { Room } from 'livekit-client'
import { fetchCallDetails, type CallDetails } from './fetch-call-details'
import { loadMicPreference } from './mic-preference'

// The call's connection starts while the person is still in the lobby (link → hearing the other
// side within 1.5 s): the Room the call panel will use is made and its server warmed up
// (prepareConnection) while the name is typed, and the first LiveKit token is asked for the moment
// the join answers, in parallel with loading the room and its documents.

export function createCall(): Room {
  const saved = loadMicPreference()
  return new Room({
    audioCaptureDefaults: {
      deviceId: saved ? { ideal: saved } : undefined,
      echoCancellation: true,
      noiseSuppression: true,
      autoGainControl: true,
    },
  })
}

let warmed: Room | null = null
let firstDetails: { sessionToken: string; details: Promise<CallDetails> } | null = null

/** Makes the call's Room early and opens the way to its server; failures are the panel's later. */
export function warmCall(serverUrl: string): void {
  if (warmed) return
  warmed = createCall()
  warmed.prepareConnection(serverUrl).catch(() => undefined)
}

/** The warmed Room when there is one (once), otherwise a new one. */
export function takeCall(): Room {
  const room = warmed ?? createCall()
  warmed = null
  return room
}

/** Asks for the first LiveKit token as soon as the session token exists. */
export function prefetchCallDetails(sessionToken: string): void {
  if (firstDetails?.sessionToken === sessionToken) return
  const details = fetchCallDetails(sessionToken)
  // a refusal here is asked again by the call connector, which shows it
  details.catch(() => undefined)
  firstDetails = { sessionToken, details }
}

/**
 * Joins the call the moment the session token exists, before the room's code has even loaded:
 * the call panel's first attempt then finds this Room connecting or connected (livekit-client
 * hands a second connect() the same connection), and its failures are the panel's to retry.
 */
export function connectEarly(sessionToken: string): void {
  prefetchCallDetails(sessionToken)
  const details = firstDetails?.details
  const room = (warmed ??= createCall())
  details
    ?.then((d) =>
      d.preparing ? undefined : room.connect(d.serverUrl, d.participantToken, { maxRetries: 0 }),
    )
    .catch(() => undefined)
}

/** The prefetched details for this session token (once), or a fresh request. */
export function callDetailsFor(sessionToken: string): Promise<CallDetails> {
  const prefetched = firstDetails?.sessionToken === sessionToken ? firstDetails.details : null
  firstDetails = null
  return prefetched ?? fetchCallDetails(sessionToken)
}
